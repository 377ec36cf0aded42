import 'server-only';
import { AppError } from './errors';
import { findTraces, getTrace, listTraceOperations, listTraceServices } from './jaeger/client';
import { criticalPath } from './mesh/traces/critical-path';
import { traceMatchesTags } from './mesh/traces/match';
import { tracesFromOtlp, summarizeTrace } from './mesh/traces/otlp';
import { apiV3SearchQuery, MAX_LIMIT, type TraceSearchParams } from './mesh/traces/search-params';
import type { TraceDetails, TraceOperationsResult, TraceSearchResult, TraceServicesResult } from './mesh/traces/types';

// Jaeger v1.x does not filter api/v3 searches by attributes, so with tags we ask for more traces than shown and filter
// them here. Ten times the limit finds most tags that occur at all; a rare tag may return fewer than `limit` traces.
const TAG_OVERFETCH = 10;

/** The services the trace store knows, sorted (`GET /api/traces/services`). */
export async function fetchTraceServices(): Promise<TraceServicesResult> {
  return { services: await listTraceServices() };
}

/** The operations of one service (`GET /api/traces/services/{service}/operations`). */
export async function fetchTraceOperations(service: string): Promise<TraceOperationsResult> {
  return { service, operations: await listTraceOperations(service) };
}

/** Trace summaries matching a search, newest first (`GET /api/traces`). */
export async function searchTraces(params: TraceSearchParams): Promise<TraceSearchResult> {
  const hasTags = Object.keys(params.tags).length > 0;
  const depth = hasTags ? Math.min(MAX_LIMIT, params.limit * TAG_OVERFETCH) : params.limit;
  const traces = tracesFromOtlp(await findTraces(apiV3SearchQuery(params, depth)));
  const summaries = traces
    .filter((t) => traceMatchesTags(t, params))
    .map(summarizeTrace)
    .sort((a, b) => b.startUs - a.startUs || a.traceId.localeCompare(b.traceId))
    .slice(0, params.limit);
  return { traces: summaries, query: { startUs: params.startUs, endUs: params.endUs, limit: params.limit } };
}

/** One trace in our model with its critical path (`GET /api/traces/{traceId}`); an unknown id is a 404. */
export async function fetchTrace(traceId: string): Promise<TraceDetails> {
  const [trace] = tracesFromOtlp(await getTrace(traceId));
  // Jaeger answers 404 for an unknown id, which getTrace turns into not_found; an empty 200 means the same.
  if (trace === undefined) throw new AppError('not_found', `trace ${traceId} not found`);
  return { ...trace, criticalPath: criticalPath(trace) };
}
