// Hand-built search results and traces for the tests.

import type { Span, TraceSummary } from '@/lib/mesh/traces/types';

export function summary(traceId: string, over: Partial<TraceSummary> = {}): TraceSummary {
  return {
    traceId,
    rootService: 'frontend',
    rootOperation: 'GET /',
    startUs: 1_000_000,
    durationUs: 1000,
    spanCount: 1,
    serviceCount: 1,
    errorCount: 0,
    services: [{ name: 'frontend', spanCount: 1, errorCount: 0 }],
    ...over,
  };
}

export function span(spanId: string, parentSpanId: string | undefined, startUs: number, durationUs: number, over: Partial<Span> = {}): Span {
  return {
    spanId,
    ...(parentSpanId !== undefined ? { parentSpanId } : {}),
    traceId: 't1',
    service: 'svc',
    operation: `op-${spanId}`,
    startUs,
    durationUs,
    kind: 'server',
    attributes: {},
    resourceAttributes: {},
    events: [],
    links: [],
    status: { code: 'unset' },
    error: false,
    ...over,
  };
}
