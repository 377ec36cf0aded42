import type { Attributes, Span, Trace } from './types';

function has(attributes: Attributes, key: string, value: string): boolean {
  return key in attributes && String(attributes[key]) === value;
}

// A tag may sit where Jaeger looks for it: the span's attributes, its resource ("process"), its instrumentation
// scope, its events ("logs") or its links.
function spanHas(span: Span, key: string, value: string): boolean {
  return (
    has(span.attributes, key, value) ||
    has(span.resourceAttributes, key, value) ||
    (span.scope !== undefined && has(span.scope.attributes, key, value)) ||
    span.events.some((e) => has(e.attributes, key, value)) ||
    span.links.some((l) => has(l.attributes, key, value))
  );
}

/**
 * Whether one span of the searched service (and operation, when given) carries every tag, compared as text, as
 * Jaeger's own stores match them. Jaeger v1.x's api/v3 gateway ignores `query.attributes`, so the server applies the
 * filter itself as well.
 */
export function traceMatchesTags(trace: Trace, search: { service: string; operation?: string; tags: Record<string, string> }): boolean {
  const entries = Object.entries(search.tags);
  if (entries.length === 0) return true;
  return trace.spans.some(
    (span) =>
      span.service === search.service &&
      (search.operation === undefined || span.operation === search.operation) &&
      entries.every(([k, v]) => spanHas(span, k, v)),
  );
}
