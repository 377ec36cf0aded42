import { describe, expect, it } from 'vitest';
import { findTarget, matchEdge, matchNode, type FindTarget } from './find-eval';
import { parseFind, type FindExpr } from './find-parse';
import type { GraphEdge, GraphNode } from './types';

function node(id: string, fields: Partial<GraphNode>): GraphNode {
  return { id, nodeType: 'app', namespace: 'bookinfo', health: 'healthy', inRps: 0, outRps: 0, inErrorRate: 0, ...fields };
}

function edge(id: string, source: string, target: string, fields: Partial<GraphEdge>): GraphEdge {
  return {
    id,
    source,
    target,
    protocol: 'http',
    rps: 0,
    errorRate: 0,
    responseCodes: {},
    responseFlags: {},
    mtlsShare: 1,
    sourceShare: 1,
    ...fields,
  };
}

// A small bookinfo: an ingress root, a degraded reviews-v2 calling a failing ratings, an idle details,
// and a TCP call out of the mesh to a node whose names carry accents.
const NODES: GraphNode[] = [
  node('ingress', {
    nodeType: 'workload',
    namespace: 'istio-system',
    workload: 'istio-ingressgateway',
    app: 'istio-ingressgateway',
    isRoot: true,
    isOutsideNamespaces: true,
    outRps: 20,
  }),
  node('productpage', { app: 'productpage', version: 'v1', workload: 'productpage-v1', inRps: 20, outRps: 22 }),
  node('reviews-v1', { app: 'reviews', version: 'v1', workload: 'reviews-v1', inRps: 10 }),
  node('reviews-v2', {
    app: 'reviews',
    version: 'v2',
    workload: 'reviews-v2',
    health: 'degraded',
    inRps: 12,
    outRps: 10,
    inErrorRate: 0.06,
  }),
  node('ratings', { nodeType: 'service', service: 'ratings', health: 'failure', inRps: 8, inErrorRate: 0.25 }),
  node('details', { app: 'details', version: 'v1', health: 'na', isIdle: true }),
  node('creme', {
    nodeType: 'workload',
    namespace: 'café',
    workload: 'crème-brûlée',
    isOutsideMesh: true,
    inRps: 2,
  }),
];

const EDGES: GraphEdge[] = [
  edge('e1', 'ingress', 'productpage', { rps: 20, responseCodes: { '200': 20 }, latencyMs: { p50: 5, p95: 20, p99: 40 } }),
  edge('e2', 'productpage', 'reviews-v1', { rps: 10, responseCodes: { '200': 10 }, latencyMs: { p50: 10, p95: 50, p99: 120 } }),
  edge('e3', 'productpage', 'reviews-v2', {
    rps: 12,
    errorRate: 0.06,
    responseCodes: { '200': 11.28, '503': 0.72 },
    latencyMs: { p50: 30, p95: 400, p99: 1500 },
    mtlsShare: 0.5,
  }),
  edge('e4', 'reviews-v2', 'ratings', {
    protocol: 'grpc',
    rps: 8,
    errorRate: 0.25,
    responseCodes: { '0': 6, '14': 2 },
    latencyMs: { p50: 5, p95: 10, p99: 20 },
    // A hair under 1, as a ratio of two summed rates can be.
    mtlsShare: 0.9999999,
  }),
  // Idle: the code series is still there, at rate zero.
  edge('e5', 'productpage', 'details', { responseCodes: { '200': 0 }, mtlsShare: 0 }),
  edge('e6', 'reviews-v2', 'creme', { protocol: 'tcp', rps: 2, throughputBps: 2_500_000, mtlsShare: 0 }),
];

const NODES_BY_ID = new Map(NODES.map((n) => [n.id, n]));

function parsed(text: string): FindExpr {
  const result = parseFind(text);
  if (!result.ok) throw new Error(`fixture expression failed to parse: ${result.error.message}`);
  return result.expr;
}

function matches(text: string): { nodes: string[]; edges: string[] } {
  const expr = parsed(text);
  return {
    nodes: NODES.filter((n) => matchNode(expr, n)).map((n) => n.id),
    edges: EDGES.filter((e) => matchEdge(expr, e, NODES_BY_ID)).map((e) => e.id),
  };
}

describe('matchNode / matchEdge on a fixture graph', () => {
  it.each<[string, string[], string[]]>([
    ['', [], []],
    // rps and errorRate read a node's inbound traffic and an edge's own
    ['rps > 10', ['productpage', 'reviews-v2'], ['e1', 'e3']],
    ['rps >= 10', ['productpage', 'reviews-v1', 'reviews-v2'], ['e1', 'e2', 'e3']],
    ['errorRate > 0.05', ['reviews-v2', 'ratings'], ['e3', 'e4']],
    ['errorRate > 5%', ['reviews-v2', 'ratings'], ['e3', 'e4']],
    ['err > 10%', ['ratings'], ['e4']],
    ['idle', ['details'], ['e5']],
    ['rps = 0', ['ingress', 'details'], ['e5']],
    // node-only expressions never match edges
    ['namespace = bookinfo and version = v2', ['reviews-v2'], []],
    ['!healthy', ['reviews-v2', 'ratings', 'details'], []],
    ['not (healthy or idle)', ['reviews-v2', 'ratings'], []],
    ['degraded or failure', ['reviews-v2', 'ratings'], []],
    ['health = na', ['details'], []],
    ['root', ['ingress'], []],
    ['outside', ['ingress'], []],
    ['outofmesh', ['creme'], []],
    ['type = service', ['ratings'], []],
    ['outRps > 0 and inRps > 0', ['productpage', 'reviews-v2'], []],
    // name is the label: app for app nodes, workload for workloads, service for services
    ['name ~ rev', ['reviews-v1', 'reviews-v2'], []],
    ['NAME ~ REV', ['reviews-v1', 'reviews-v2'], []],
    ['name = reviews', ['reviews-v1', 'reviews-v2'], []],
    ['name = Reviews', [], []],
    ['name = istio-ingressgateway', ['ingress'], []],
    ['name = ratings', ['ratings'], []],
    ['name = "reviews v2"', [], []],
    ['name !~ e', ['ratings'], []],
    // unicode, including decomposed input against composed data
    ['name ~ brûlée', ['creme'], []],
    ['name ~ "BRU\u0302LE\u0301E"', ['creme'], []],
    ['namespace = café', ['creme'], []],
    // an absent value fails every comparison; negate = to include elements without it
    ['version != v1', ['reviews-v2'], []],
    ['!(version = v1)', ['ingress', 'reviews-v2', 'ratings', 'creme'], []],
    ['p99 != 40', [], ['e2', 'e3', 'e4']],
    // precedence: and before or
    ['root or healthy and rps > 15', ['ingress', 'productpage'], []],
    ['(root or healthy) and rps > 15', ['productpage'], []],
    ['healthy and rps > 15 or root', ['ingress', 'productpage'], []],
    // edge fields
    ['p99 >= 1s', [], ['e3']],
    ['p99 < 1s', [], ['e1', 'e2', 'e4']],
    ['p50 <= 5ms', [], ['e1', 'e4']],
    ['protocol = http', [], ['e1', 'e2', 'e3', 'e5']],
    ['tcp or grpc', [], ['e4', 'e6']],
    ['throughput > 1MB/s', [], ['e6']],
    ['mtls', [], ['e1', 'e2', 'e4']],
    ['!mtls', [], ['e3', 'e5', 'e6']],
    ['mtls < 50%', [], ['e5', 'e6']],
    ['rps > 5 and protocol = http', [], ['e1', 'e2', 'e3']],
    ['idle or tcp', [], ['e5', 'e6']],
    // codes: a zero-rate code does not count; = and != ask whether some code fits
    ['code = 503', [], ['e3']],
    ['code = 5xx', [], ['e3']],
    ['code >= 500', [], ['e3']],
    ['code = 14', [], ['e4']],
    ['code != 200', [], ['e3', 'e4']],
    ['!(code = 200)', [], ['e4', 'e5', 'e6']],
    // node conditions in an edge expression test either endpoint
    ['ns = bookinfo and p99 > 1s', [], ['e3']],
    ['ns = istio-system and protocol = http', [], ['e1']],
    ['root and http', [], ['e1']],
    ['degraded and tcp', [], ['e6']],
    ['name = reviews and protocol = http', [], ['e2', 'e3']],
    ['name = reviews and grpc', [], ['e4']],
    ['outofmesh and !mtls', [], ['e6']],
    // rps and errorRate side with node fields: this is a node expression
    ['name = reviews and rps > 0', ['reviews-v1', 'reviews-v2'], []],
    // `ns != x` asks for an endpoint outside x, `!(ns = x)` for no endpoint inside x
    ['ns != bookinfo and http', [], ['e1']],
    ['!(ns = bookinfo) and http', [], []],
  ])('%j → nodes %j, edges %j', (text, nodes, edges) => {
    expect(matches(text)).toEqual({ nodes, edges });
  });

  it('skips an endpoint missing from nodesById instead of failing', () => {
    const dangling = edge('e9', 'gone', 'ratings', { rps: 1 });
    expect(matchEdge(parsed('failure and http'), dangling, NODES_BY_ID)).toBe(true);
    expect(matchEdge(parsed('!root and http'), dangling, NODES_BY_ID)).toBe(true);
    expect(matchEdge(parsed('root and http'), dangling, NODES_BY_ID)).toBe(false);
    expect(matchEdge(parsed('failure and http'), dangling, new Map())).toBe(false);
  });
});

describe('findTarget', () => {
  it.each<[string, FindTarget]>([
    ['', 'none'],
    ['rps > 1', 'both'],
    ['idle or err > 1%', 'both'],
    ['healthy', 'nodes'],
    ['rps > 1 and ns = x', 'nodes'],
    ['not (version = v1)', 'nodes'],
    ['p99 > 1s', 'edges'],
    ['mtls', 'edges'],
    ['ns = x or code = 5xx', 'edges'],
    ['!(healthy and (root or tcp))', 'edges'],
  ])('%j → %s', (text, target) => {
    expect(findTarget(parsed(text))).toBe(target);
  });
});
