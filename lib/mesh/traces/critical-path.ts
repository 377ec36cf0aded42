import type { CriticalPathSegment, Span, Trace } from './types';

const end = (s: Span) => s.startUs + s.durationUs;

/**
 * The critical path of a trace: the chain of work that decided its end-to-end duration, as segments sorted by
 * start. From the root's end it walks back: the child that finished last before that moment was on the path, so the
 * walk descends into it, then continues from that child's start. Children are clipped to their parent's window,
 * since time a child spent after its parent ended (async work, clock skew) did not hold the parent up.
 */
export function criticalPath(trace: Trace): CriticalPathSegment[] {
  const children = new Map<string, Span[]>();
  for (const s of trace.spans) {
    if (s.parentSpanId === undefined) continue;
    const list = children.get(s.parentSpanId) ?? [];
    list.push(s);
    children.set(s.parentSpanId, list);
  }
  // The root is the span without a parent; with several (a broken trace), the longest one.
  const root = trace.spans.filter((s) => s.parentSpanId === undefined).sort((a, b) => b.durationUs - a.durationUs || a.startUs - b.startUs)[0];
  if (root === undefined) return [];

  const segments: CriticalPathSegment[] = [];
  const push = (spanId: string, startUs: number, endUs: number) => {
    if (endUs > startUs) segments.push({ spanId, startUs, endUs });
  };
  // An explicit stack rather than recursion: traces can be deep, and a cycle of ids must not loop forever.
  const visited = new Set<string>();
  const stack: { span: Span; fromUs: number; toUs: number }[] = [{ span: root, fromUs: root.startUs, toUs: end(root) }];
  while (stack.length > 0) {
    const { span, fromUs, toUs } = stack.pop()!;
    if (visited.has(span.spanId)) continue;
    visited.add(span.spanId);
    const clipped = (children.get(span.spanId) ?? [])
      .map((c) => ({ span: c, startUs: Math.max(c.startUs, fromUs), endUs: Math.min(end(c), toUs) }))
      .filter((c) => c.endUs > c.startUs);
    let cursor = toUs;
    for (;;) {
      // The child that finished last, no later than the moment the path has reached.
      let next: (typeof clipped)[number] | undefined;
      for (const c of clipped) if (c.endUs <= cursor && (next === undefined || c.endUs > next.endUs)) next = c;
      if (next === undefined) break;
      push(span.spanId, next.endUs, cursor);
      stack.push({ span: next.span, fromUs: next.startUs, toUs: next.endUs });
      cursor = next.startUs;
      clipped.splice(clipped.indexOf(next), 1);
    }
    push(span.spanId, fromUs, cursor);
  }
  return segments.sort((a, b) => a.startUs - b.startUs || a.endUs - b.endUs);
}
