import { queryOptions } from '@tanstack/react-query';
import type { MetricsParams } from '../mesh/metrics/params';
import type { GoldenSignals, Peer } from '../mesh/metrics/types';
import { fetchJson, retryUnlessClientError } from './fetch-json';

export type { GoldenSignals };

/** Everything the metrics route takes (the route's own parsed form); each field is part of the query key. */
export type { MetricsParams };

/** Query keys of the metrics domain; absent optional inputs are null so every key has the same shape. */
export const metricsKeys = {
  all: ['metrics'] as const,
  entity: (p: Pick<MetricsParams, 'namespace' | 'kind' | 'name'>) => [...metricsKeys.all, p.namespace, p.kind, p.name] as const,
  metrics: (p: MetricsParams) =>
    [
      ...metricsKeys.entity(p),
      {
        direction: p.direction,
        duration: p.duration,
        step: p.step ?? null,
        queryTime: p.queryTime ?? null,
        byVersion: p.byVersion,
        peer: p.peer ? { namespace: p.peer.namespace, kind: p.peer.kind, name: p.peer.name } : null,
      },
    ] as const,
};

/** The metrics route's path with its query string; defaults are left out. */
export function metricsApiPath(p: MetricsParams): string {
  const q = new URLSearchParams({ direction: p.direction, duration: String(p.duration) });
  if (p.step !== undefined) q.set('step', String(p.step));
  if (p.queryTime !== undefined) q.set('queryTime', String(p.queryTime));
  if (p.byVersion) q.set('byVersion', 'true');
  if (p.peer) {
    q.set('peerNamespace', p.peer.namespace);
    q.set('peerKind', p.peer.kind);
    q.set('peerName', p.peer.name);
  }
  const path = [p.namespace, p.kind, p.name].map(encodeURIComponent).join('/');
  return `/api/namespaces/${path}/metrics?${q.toString()}`;
}

/** Whether earlier series describe the same traffic (same entity, side and peer), so they may stand in while loading. */
function sameTraffic(data: GoldenSignals, p: MetricsParams): boolean {
  const peer = (x?: Peer) => (x ? `${x.namespace}/${x.kind}/${x.name}` : '');
  return data.namespace === p.namespace && data.kind === p.kind && data.name === p.name && data.direction === p.direction && peer(data.peer) === peer(p.peer);
}

/**
 * Golden-signal series, refetched every `refreshSeconds` (0 pauses). While a new duration or split loads, the
 * previous charts of the same traffic stay up; another entity's charts never stand in for this one's.
 */
export function metricsQuery(params: MetricsParams, refreshSeconds: number) {
  return queryOptions({
    queryKey: metricsKeys.metrics(params),
    queryFn: ({ signal }) => fetchJson<GoldenSignals>(metricsApiPath(params), signal),
    refetchInterval: refreshSeconds > 0 && params.queryTime === undefined ? refreshSeconds * 1000 : false,
    placeholderData: (previous) => (previous && sameTraffic(previous, params) ? previous : undefined),
    retry: retryUnlessClientError,
  });
}
