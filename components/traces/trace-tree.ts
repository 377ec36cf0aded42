// A trace as a tree of spans: children lists, depths, the rows left visible after collapses, and where each bar
// sits on the trace's time axis. Pure. Loops, not recursion, so a 50,000-span chain does not blow the stack.

import type { CriticalPathSegment, Span, Trace } from '@/lib/mesh/traces/types';

export interface SpanNode {
  span: Span;
  depth: number;
  /** Indices into `nodes`, in start order. */
  children: number[];
}

export interface TraceTree {
  /** Depth-first, parents before children, siblings in start order. */
  nodes: SpanNode[];
  startUs: number;
  endUs: number;
  /** The number of levels: 1 for a lone root. */
  depth: number;
  /** Sorted by name. */
  services: string[];
  errorCount: number;
}

/**
 * Builds the tree. A span whose parent is missing from the trace (or that sits on a parent cycle) becomes a root,
 * so every span gets a row.
 */
export function buildTraceTree(trace: Trace): TraceTree {
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  const kids = new Map<string, Span[]>();
  const roots: Span[] = [];
  for (const s of trace.spans) {
    const parent = s.parentSpanId !== undefined && s.parentSpanId !== s.spanId ? byId.get(s.parentSpanId) : undefined;
    if (!parent) roots.push(s);
    else {
      // Push, not spread: a root with 50,000 children must not copy its list 50,000 times.
      const list = kids.get(parent.spanId);
      if (list) list.push(s);
      else kids.set(parent.spanId, [s]);
    }
  }
  const nodes: SpanNode[] = [];
  const seen = new Set<string>();
  const walk = (root: Span) => {
    // Stack of [span, depth, parent index]; children pushed in reverse so they come out in start order.
    const stack: [Span, number, number][] = [[root, 0, -1]];
    while (stack.length > 0) {
      const [span, depth, parent] = stack.pop() as [Span, number, number];
      if (seen.has(span.spanId)) continue;
      seen.add(span.spanId);
      const index = nodes.push({ span, depth, children: [] }) - 1;
      if (parent >= 0) nodes[parent]?.children.push(index);
      const children = kids.get(span.spanId) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Span, depth + 1, index]);
    }
  };
  roots.forEach(walk);
  // Spans on a parent cycle are reachable from no root: list each loop from its earliest span.
  for (const s of trace.spans) if (!seen.has(s.spanId)) walk(s);

  let startUs = Infinity;
  let endUs = -Infinity;
  let depth = 0;
  let errorCount = 0;
  for (const n of nodes) {
    startUs = Math.min(startUs, n.span.startUs);
    endUs = Math.max(endUs, n.span.startUs + n.span.durationUs);
    depth = Math.max(depth, n.depth + 1);
    if (n.span.error) errorCount++;
  }
  if (nodes.length === 0) startUs = endUs = 0;
  const services = [...new Set(nodes.map((n) => n.span.service))].sort();
  return { nodes, startUs, endUs, depth, services, errorCount };
}

/** Indices of the rows to show: every node except the descendants of collapsed spans. */
export function visibleRows(tree: TraceTree, collapsed: ReadonlySet<string>): number[] {
  const out: number[] = [];
  let hideBelow = Infinity;
  for (let i = 0; i < tree.nodes.length; i++) {
    const n = tree.nodes[i] as SpanNode;
    // Preorder: a collapsed span's descendants are the nodes after it that are deeper than it.
    if (n.depth > hideBelow) continue;
    hideBelow = collapsed.has(n.span.spanId) ? n.depth : Infinity;
    out.push(i);
  }
  return out;
}

/** The ids of every span with children, which "Collapse all" collapses. */
export function parentIds(tree: TraceTree): Set<string> {
  return new Set(tree.nodes.filter((n) => n.children.length > 0).map((n) => n.span.spanId));
}

export interface Bar {
  /** Percent of the trace's time axis. */
  left: number;
  width: number;
}

/** Where a stretch of time sits on the trace's axis, in percent; a zero-length trace fills the axis. */
export function barOf(tree: TraceTree, startUs: number, durationUs: number): Bar {
  const total = tree.endUs - tree.startUs;
  if (total <= 0) return { left: 0, width: 100 };
  return { left: ((startUs - tree.startUs) / total) * 100, width: (durationUs / total) * 100 };
}

/** The critical path's segments by span, for highlighting them on each span's bar. */
export function criticalBySpan(path: readonly CriticalPathSegment[]): Map<string, CriticalPathSegment[]> {
  const out = new Map<string, CriticalPathSegment[]>();
  for (const seg of path) {
    const list = out.get(seg.spanId);
    if (list) list.push(seg);
    else out.set(seg.spanId, [seg]);
  }
  return out;
}
