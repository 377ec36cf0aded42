// The waterfall's keyboard and find rules. Pure.

import type { TraceTree } from './trace-tree';

export type WaterfallAction = 'next' | 'previous' | 'details' | 'collapse' | 'expand';

const KEYS: Record<string, WaterfallAction> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Enter: 'details',
  h: 'collapse',
  ArrowLeft: 'collapse',
  l: 'expand',
  ArrowRight: 'expand',
};

/** The action of a key press; modified keys are left to the browser (Ctrl+L, Cmd+K…). */
export function waterfallAction(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): WaterfallAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return KEYS[e.key];
}

/** The active row after a move, kept inside the visible rows. */
export function moveActive(active: number, action: 'next' | 'previous', rowCount: number): number {
  if (rowCount === 0) return 0;
  const next = action === 'next' ? active + 1 : active - 1;
  return Math.max(0, Math.min(rowCount - 1, next));
}

/** Ids of the spans whose service, operation, id or an attribute (`key=value`) holds the text, case-insensitively. */
export function findSpans(tree: TraceTree, text: string): Set<string> {
  const needle = text.trim().toLowerCase();
  const out = new Set<string>();
  if (needle === '') return out;
  for (const { span } of tree.nodes) {
    const hay = [span.service, span.operation, span.spanId, ...Object.entries(span.attributes).map(([k, v]) => `${k}=${String(v)}`)];
    if (hay.some((h) => h.toLowerCase().includes(needle))) out.add(span.spanId);
  }
  return out;
}
