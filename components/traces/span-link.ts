// A span's place in the URL (`?span=<spanId>`) and what opening such a link must change in the waterfall. Pure.

import type { TraceTree } from './trace-tree';

export const SPAN_PARAM = 'span';

/** The page of one span: the trace's path with `?span=`, so the link opens that span. */
export function spanHref(traceId: string, spanId: string): string {
  return `/traces/${encodeURIComponent(traceId)}?${SPAN_PARAM}=${encodeURIComponent(spanId)}`;
}

/** A query string with the span set (or removed for null), keeping every other parameter. */
export function withSpanParam(search: string, spanId: string | null): string {
  const params = new URLSearchParams(search);
  if (spanId === null) params.delete(SPAN_PARAM);
  else params.set(SPAN_PARAM, spanId);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Index into `tree.nodes` by span id. */
export function nodeIndexById(tree: TraceTree): Map<string, number> {
  const out = new Map<string, number>();
  tree.nodes.forEach((n, i) => {
    // A duplicated id keeps its first row, the one a search through the rows would find.
    if (!out.has(n.span.spanId)) out.set(n.span.spanId, i);
  });
  return out;
}

/** Indices of a node's ancestors, nearest first. */
export function ancestorIndices(tree: TraceTree, index: number): number[] {
  const out: number[] = [];
  let depth = tree.nodes[index]?.depth ?? 0;
  // Preorder: the parent is the nearest earlier node one level up, its parent the nearest before that, and so on.
  for (let i = index - 1; i >= 0 && depth > 0; i--) {
    const node = tree.nodes[i];
    if (node && node.depth === depth - 1) {
      out.push(i);
      depth--;
    }
  }
  return out;
}

/**
 * The collapsed set with the node's ancestors expanded, so its row shows; the same set when none was collapsed,
 * so a caller can skip the update.
 */
export function expandAncestors(tree: TraceTree, collapsed: ReadonlySet<string>, index: number): ReadonlySet<string> {
  const hiding = ancestorIndices(tree, index)
    .map((i) => tree.nodes[i]?.span.spanId)
    .filter((id): id is string => id !== undefined && collapsed.has(id));
  if (hiding.length === 0) return collapsed;
  const next = new Set(collapsed);
  for (const id of hiding) next.delete(id);
  return next;
}

/** A node's position among the visible rows (ascending node indices), or -1 when it is hidden. */
export function rowOf(rows: readonly number[], index: number): number {
  // Binary search: this runs on every selection, and 50,000 rows make a linear scan noticeable.
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid] as number;
    if (at === index) return mid;
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
