import 'server-only';
import { buildGraph, type TrafficSample } from './mesh/graph/build';
import type { GraphParams } from './mesh/graph/params';
import { graphQueries } from './mesh/graph/queries';
import type { Graph } from './mesh/graph/types';
import { render } from './promql';
import { instantQuery } from './prometheus/client';
import { createCachedCall, type CachedCall } from './resilience/cached-call';
import { PROMETHEUS_CACHE_TTL_MS } from './resilience/settings';
import { telemetry } from './telemetry/instruments';
import { processSingleton } from './telemetry/process-singleton';

// The built graph is shared like the query answers it is built from (it reads nothing but Prometheus, whose answers
// are the same for everyone): 20 people watching one graph cost one build per cache period, not 20.
const GRAPH_CACHE_MAX_ENTRIES = 100;
const graphs = (): CachedCall => processSingleton('graph-cache', () => createCachedCall({ ttlMs: PROMETHEUS_CACHE_TTL_MS, maxEntries: GRAPH_CACHE_MAX_ENTRIES }));

/**
 * The key of one graph: every parameter, and the instant it is for — `queryTime`, or "now" rounded down to the cache
 * period, so a cached graph is never older than its query answers may be.
 */
export function graphCacheKey(params: GraphParams, nowSeconds: number): string {
  const at = params.queryTime !== undefined ? `t${params.queryTime}` : `now~${Math.floor((nowSeconds * 1000) / PROMETHEUS_CACHE_TTL_MS)}`;
  const { namespaces, ...rest } = params;
  return JSON.stringify({ ...rest, namespaces: [...namespaces].sort(), at });
}

/** The topology for these parameters, built once per cache period and shared; do not mutate the answer. */
export async function fetchGraph(params: GraphParams, nowSeconds: number): Promise<Graph> {
  return graphs().get(
    graphCacheKey(params, nowSeconds),
    () => buildFresh(params, nowSeconds),
    (source) => {
      if (source !== 'miss') telemetry().graphShared.inc({});
    },
  );
}

/** Runs the graph's queries concurrently on Prometheus and builds the topology from their results. */
async function buildFresh(params: GraphParams, nowSeconds: number): Promise<Graph> {
  const queries = graphQueries(params);
  const time = params.queryTime !== undefined ? new Date(params.queryTime * 1000) : undefined;
  const run = (expr: Parameters<typeof render>[0]): Promise<TrafficSample[]> => instantQuery(render(expr), time);
  const [base, latency, throughput] = await Promise.all([
    Promise.all(queries.base.map(run)).then((parts) => parts.flat()),
    queries.latency ? run(queries.latency) : undefined,
    queries.throughput ? run(queries.throughput) : undefined,
  ]);
  return buildGraph({
    graphType: params.graphType,
    namespaces: params.namespaces,
    duration: params.duration,
    timestamp: params.queryTime ?? nowSeconds,
    traffic: base,
    ...(latency ? { latency } : {}),
    ...(throughput ? { throughput } : {}),
    serviceNodes: params.serviceNodes,
    idleEdges: params.idleEdges,
  });
}
