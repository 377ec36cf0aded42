// Which rows of a long list to mount: those in view plus a buffer each side. Pure; the hook feeds it scrollTop.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows mounted beyond each edge of the view, so a fast scroll does not show blanks. */
  buffer: number;
}

export interface RowWindow {
  /** First row to mount, inclusive. */
  start: number;
  /** Row after the last to mount. */
  end: number;
  /** Pixel offset of the first mounted row. */
  offsetTop: number;
  /** Height of all rows, mounted or not, so the scroll bar is right. */
  totalHeight: number;
}

/** The rows to mount for a scroll position. */
export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, buffer }: WindowInput): RowWindow {
  const totalHeight = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  const top = Math.max(0, Math.min(scrollTop, totalHeight));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, first - buffer);
  const end = Math.min(rowCount, last + buffer);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** The scrollTop that brings a row into view, or undefined when it already is. */
export function scrollToRow(row: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | undefined {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return undefined;
}

/** The scrollTop that puts a row in the middle of the view, kept inside the list. */
export function centerRow(row: number, viewportHeight: number, rowHeight: number, rowCount: number): number {
  const max = Math.max(0, rowCount * rowHeight - viewportHeight);
  const top = row * rowHeight + rowHeight / 2 - viewportHeight / 2;
  return Math.round(Math.max(0, Math.min(max, top)));
}

/** The rows at least partly in view, first to last inclusive; both -1 when there are none. */
export function rowsInView(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number): { first: number; last: number } {
  if (rowCount === 0 || rowHeight <= 0 || viewportHeight <= 0) return { first: -1, last: -1 };
  const first = Math.max(0, Math.min(rowCount - 1, Math.floor(scrollTop / rowHeight)));
  const last = Math.max(first, Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) - 1));
  return { first, last };
}
