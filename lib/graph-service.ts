import 'server-only';
import { buildGraph, type TrafficSample } from './mesh/graph/build';
import type { GraphParams } from './mesh/graph/params';
import { graphQueries } from './mesh/graph/queries';
import type { Graph } from './mesh/graph/types';
import { render } from './promql';
import { instantQuery } from './prometheus/client';

/** Runs the graph's queries concurrently on Prometheus and builds the topology from their results. */
export async function fetchGraph(params: GraphParams, nowSeconds: number): Promise<Graph> {
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
