import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Graph, GraphType } from '../mesh/graph/types';
import { fetchJson } from './fetch-json';

export type EdgeLabelMetric = 'latency' | 'throughput';

/** Everything the graph route takes; each field is part of the query key. */
export interface GraphParams {
  namespaces: readonly string[];
  graphType: GraphType;
  /** Seconds of traffic to average over. */
  duration: number;
  idleEdges: boolean;
  serviceNodes: boolean;
  /** Extra per-edge metrics to compute (latency quantiles, HTTP throughput). */
  edgeLabels: readonly EdgeLabelMetric[];
}

/** Query keys of the graph domain. */
export const graphKeys = {
  all: ['graph'] as const,
  graph: (p: GraphParams) =>
    [
      ...graphKeys.all,
      {
        namespaces: [...p.namespaces].sort(),
        graphType: p.graphType,
        duration: p.duration,
        idleEdges: p.idleEdges,
        serviceNodes: p.serviceNodes,
        edgeLabels: [...p.edgeLabels].sort(),
      },
    ] as const,
};

/** The `/api/graph` path with its query string; false flags and empty lists are left out. */
export function graphApiPath(p: GraphParams): string {
  const q = new URLSearchParams({
    namespaces: [...p.namespaces].sort().join(','),
    graphType: p.graphType,
    duration: String(p.duration),
  });
  if (p.idleEdges) q.set('idleEdges', 'true');
  if (p.serviceNodes) q.set('serviceNodes', 'true');
  if (p.edgeLabels.length > 0) q.set('edgeLabels', [...p.edgeLabels].sort().join(','));
  return `/api/graph?${q.toString()}`;
}

/**
 * The topology graph, refetched every `refreshSeconds` (0 pauses). A refresh keeps showing the previous graph
 * until the next one arrives, so the canvas never blanks.
 */
export function graphQuery(params: GraphParams, refreshSeconds: number) {
  return queryOptions({
    queryKey: graphKeys.graph(params),
    queryFn: ({ signal }) => fetchJson<Graph>(graphApiPath(params), signal),
    refetchInterval: refreshSeconds > 0 ? refreshSeconds * 1000 : false,
    placeholderData: keepPreviousData,
    enabled: params.namespaces.length > 0,
  });
}
