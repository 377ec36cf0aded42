// A small bookinfo-like versionedApp graph for the unit tests beside it. Test data only.

import type { Graph, GraphEdge, GraphNode } from '@/lib/mesh/graph/types';

const node = (id: string, extra: Partial<GraphNode>): GraphNode => ({
  id,
  nodeType: 'app',
  namespace: 'bookinfo',
  health: 'healthy',
  inRps: 1,
  outRps: 1,
  inErrorRate: 0,
  ...extra,
});

const edge = (source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  protocol: 'http',
  rps: 1,
  errorRate: 0,
  responseCodes: { '200': 1 },
  responseFlags: {},
  mtlsShare: 1,
  sourceShare: 1,
  ...extra,
});

/** Builds the test graph; `change` edits it per case. */
export function testGraph(): Graph {
  return {
    timestamp: 1_700_000_000,
    duration: 300,
    graphType: 'versionedApp',
    namespaces: ['bookinfo'],
    nodes: [
      node('unknown', { nodeType: 'unknown', namespace: 'unknown', isRoot: true, isOutsideMesh: true, health: 'na' }),
      node('gw', { app: 'istio-ingressgateway', version: 'latest', namespace: 'istio-system', isRoot: true, isOutsideNamespaces: true }),
      node('pp', { app: 'productpage', version: 'v1' }),
      node('det', { app: 'details', version: 'v1' }),
      node('rev-svc', { nodeType: 'service', service: 'reviews' }),
      node('rev1', { app: 'reviews', version: 'v1' }),
      node('rev2', { app: 'reviews', version: 'v2', health: 'degraded', inErrorRate: 0.05 }),
      node('rev3', { app: 'reviews', version: 'v3' }),
      node('rat', { app: 'ratings', version: 'v1' }),
      node('db', { nodeType: 'workload', workload: 'mysqldb-v1', app: 'mysqldb', health: 'na' }),
    ],
    edges: [
      edge('unknown', 'pp', { rps: 0.2, mtlsShare: 0 }),
      edge('gw', 'pp', { rps: 10 }),
      edge('pp', 'det', { rps: 10, sourceShare: 0.5 }),
      edge('pp', 'rev-svc', { rps: 10, sourceShare: 0.5 }),
      edge('rev-svc', 'rev1', { rps: 3.3, sourceShare: 0.33 }),
      edge('rev-svc', 'rev2', { rps: 3.3, sourceShare: 0.33, errorRate: 0.05, responseCodes: { '200': 3.1, '503': 0.2 } }),
      edge('rev-svc', 'rev3', { rps: 3.3, sourceShare: 0.33, errorRate: 0.2 }),
      edge('rev2', 'rat', { rps: 3.3, latencyMs: { p50: 5, p95: 20, p99: 40 } }),
      edge('rev3', 'rat', { rps: 3.3 }),
      edge('rat', 'db', { protocol: 'tcp', rps: 0, throughputBps: 4096, mtlsShare: 0.9 }),
    ],
  };
}
