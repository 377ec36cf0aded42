import { queryOptions } from '@tanstack/react-query';
import type { TraceDetails, TraceOperationsResult, TraceSearchResult, TraceServicesResult } from '../mesh/traces/types';
import { fetchJson, retryUnlessClientError } from './fetch-json';

export type { TraceDetails, TraceOperationsResult, TraceSearchResult, TraceServicesResult };

/** Everything the trace search takes; each field is part of the query key. Durations are Go-style (`100ms`). */
export interface TraceSearchInput {
  service: string;
  operation?: string;
  /** `key=value` filters. */
  tags: Readonly<Record<string, string>>;
  /** Unix microseconds; with both unset the server searches the last `lookback`. */
  start?: number;
  end?: number;
  /** Go-style duration such as `1h`; ignored when `start` is set. */
  lookback?: string;
  minDuration?: string;
  maxDuration?: string;
  limit?: number;
}

/** Query keys of the traces domain; absent optional inputs are null so every key has the same shape. */
export const traceKeys = {
  all: ['traces'] as const,
  services: () => [...traceKeys.all, 'services'] as const,
  operations: (service: string) => [...traceKeys.all, 'operations', service] as const,
  search: (p: TraceSearchInput) =>
    [
      ...traceKeys.all,
      'search',
      {
        service: p.service,
        operation: p.operation ?? null,
        tags: Object.fromEntries(Object.entries(p.tags).sort(([a], [b]) => a.localeCompare(b))),
        start: p.start ?? null,
        end: p.end ?? null,
        lookback: p.start === undefined ? (p.lookback ?? null) : null,
        minDuration: p.minDuration ?? null,
        maxDuration: p.maxDuration ?? null,
        limit: p.limit ?? null,
      },
    ] as const,
  trace: (traceId: string) => [...traceKeys.all, 'trace', traceId.toLowerCase()] as const,
};

/** The `/api/traces` path with its query string; tags go as one JSON object, so commas and `=` in values survive. */
export function traceSearchApiPath(p: TraceSearchInput): string {
  const q = new URLSearchParams({ service: p.service });
  if (p.operation) q.set('operation', p.operation);
  const tags = Object.entries(p.tags).sort(([a], [b]) => a.localeCompare(b));
  if (tags.length > 0) q.set('tags', JSON.stringify(Object.fromEntries(tags)));
  if (p.start !== undefined) q.set('start', String(p.start));
  else if (p.lookback) q.set('lookback', p.lookback);
  if (p.end !== undefined) q.set('end', String(p.end));
  if (p.minDuration) q.set('minDuration', p.minDuration);
  if (p.maxDuration) q.set('maxDuration', p.maxDuration);
  if (p.limit !== undefined) q.set('limit', String(p.limit));
  return `/api/traces?${q.toString()}`;
}

/** Service names known to the trace store. */
export function traceServicesQuery() {
  return queryOptions({
    queryKey: traceKeys.services(),
    queryFn: ({ signal }) => fetchJson<TraceServicesResult>('/api/traces/services', signal),
    retry: retryUnlessClientError,
  });
}

/** Operations of one service; idle until a service is chosen. */
export function traceOperationsQuery(service: string) {
  return queryOptions({
    queryKey: traceKeys.operations(service),
    queryFn: ({ signal }) => fetchJson<TraceOperationsResult>(`/api/traces/services/${encodeURIComponent(service)}/operations`, signal),
    retry: retryUnlessClientError,
    enabled: service !== '',
  });
}

/** Trace summaries of a search; idle until a service is chosen. */
export function traceSearchQuery(params: TraceSearchInput) {
  return queryOptions({
    queryKey: traceKeys.search(params),
    queryFn: ({ signal }) => fetchJson<TraceSearchResult>(traceSearchApiPath(params), signal),
    retry: retryUnlessClientError,
    enabled: params.service !== '',
  });
}

/** One trace; a stored trace does not change, so it is not refetched while fresh. */
export function traceQuery(traceId: string) {
  return queryOptions({
    queryKey: traceKeys.trace(traceId),
    queryFn: ({ signal }) => fetchJson<TraceDetails>(`/api/traces/${encodeURIComponent(traceId)}`, signal),
    retry: retryUnlessClientError,
    staleTime: 5 * 60_000,
    enabled: traceId !== '',
  });
}
