// The minimap's geometry: the visible rows squeezed into a strip a few dozen pixels high, each row (or, past one row
// per pixel line, each run of rows merged) a bar at its place on the trace's time axis. Pure; the canvas only paints.

import { barOf, type TraceTree } from './trace-tree';

/** A set of span ids to mark; a Set or the critical path's Map both fit. */
export interface SpanMarks {
  has(spanId: string): boolean;
}

export interface MinimapLine {
  /** The first row drawn on this line. */
  firstRow: number;
  /** Rows merged into this line. */
  rowCount: number;
  /** Top and height in the units of the height asked for. */
  y: number;
  height: number;
  /** Where the merged spans start and end, as fractions of the trace's time axis. */
  x0: number;
  x1: number;
  /** The first row's service, for its colour. */
  service: string;
  /** Whether any merged row is an error, a find match, or on the critical path. */
  error: boolean;
  match: boolean;
  critical: boolean;
}

/**
 * One line per row while the rows fit in `height` lines, else runs of ⌈rows ÷ height⌉ rows merged into one line
 * spanning all of their extents, so the strip never has more lines than pixels.
 */
export function minimapLines(tree: TraceTree, rows: readonly number[], height: number, matches: SpanMarks, critical?: SpanMarks): MinimapLine[] {
  const lines = Math.max(1, Math.floor(height));
  if (rows.length === 0) return [];
  const perLine = Math.ceil(rows.length / lines);
  const lineHeight = height / Math.ceil(rows.length / perLine);
  const out: MinimapLine[] = [];
  for (let first = 0; first < rows.length; first += perLine) {
    const end = Math.min(rows.length, first + perLine);
    let x0 = Infinity;
    let x1 = -Infinity;
    let error = false;
    let match = false;
    let onPath = false;
    let service = '';
    for (let r = first; r < end; r++) {
      const span = tree.nodes[rows[r] as number]?.span;
      if (!span) continue;
      const bar = barOf(tree, span.startUs, span.durationUs);
      x0 = Math.min(x0, bar.left / 100);
      x1 = Math.max(x1, (bar.left + bar.width) / 100);
      error ||= span.error;
      match ||= matches.has(span.spanId);
      onPath ||= critical?.has(span.spanId) ?? false;
      service ||= span.service;
    }
    if (x0 > x1) continue;
    out.push({ firstRow: first, rowCount: end - first, y: (first / perLine) * lineHeight, height: lineHeight, x0, x1, service, error, match, critical: onPath });
  }
  return out;
}

/** The strip's y for the top of a row. */
export function rowToY(row: number, rowCount: number, height: number): number {
  return rowCount > 0 ? (row / rowCount) * height : 0;
}

/** The row under a point of the strip, clamped to the rows; -1 when there are none. */
export function rowAtY(y: number, height: number, rowCount: number): number {
  if (rowCount === 0 || height <= 0) return -1;
  return Math.max(0, Math.min(rowCount - 1, Math.floor((y / height) * rowCount)));
}

/**
 * The rectangle over the rows in the waterfall's view (first to last inclusive), at least `minHeight` high so a
 * few rows out of 50,000 still show, and kept inside the strip.
 */
export function viewportRect(first: number, last: number, rowCount: number, height: number, minHeight = 3): { top: number; height: number } {
  if (rowCount === 0 || first < 0) return { top: 0, height: 0 };
  const top = rowToY(first, rowCount, height);
  const h = Math.min(height, Math.max(minHeight, rowToY(last + 1, rowCount, height) - top));
  return { top: Math.min(top, height - h), height: h };
}

/** What a screen reader hears for the strip: how many spans it shows and which rows are in view. */
export function minimapLabel(rowCount: number, spanCount: number, first: number, last: number): string {
  const spans = rowCount === spanCount ? `${spanCount} ${spanCount === 1 ? 'span' : 'spans'}` : `${rowCount} of ${spanCount} spans`;
  if (rowCount === 0 || first < 0) return `Minimap of ${spans}`;
  const view = first === last ? `row ${first + 1}` : `rows ${first + 1}–${last + 1}`;
  return `Minimap of ${spans}; ${view} in view`;
}
