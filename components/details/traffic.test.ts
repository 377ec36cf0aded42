import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge, GraphNode, GraphType } from '@/lib/mesh/graph/types';
import { answersRequest, itemTraffic, trafficGraphRequest, type PeerTraffic } from './traffic';

const node = (id: string, extra: Partial<GraphNode>): GraphNode => ({ id, nodeType: 'app', namespace: 'bookinfo', health: 'healthy', inRps: 1, outRps: 1, inErrorRate: 0, ...extra });
const edge = (source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}>${target}:http`,
  source,
  target,
  protocol: 'http',
  rps: 1,
  errorRate: 0,
  responseCodes: {},
  responseFlags: {},
  mtlsShare: 1,
  sourceShare: 1,
  ...extra,
});
const graph = (graphType: GraphType, nodes: GraphNode[], edges: GraphEdge[]): Graph => ({ timestamp: 1, duration: 600, graphType, namespaces: ['bookinfo'], nodes, edges });

// The versioned-app graph with service nodes, as the traffic tab asks for it for a service (ids as build.ts writes them).
const serviceGraph = graph(
  'versionedApp',
  [
    node('unknown', { nodeType: 'unknown', namespace: 'unknown', isOutsideMesh: true }),
    node('va:bookinfo:productpage:v1', { app: 'productpage', version: 'v1', workload: 'productpage-v1' }),
    node('va:travel:portal:v1', { namespace: 'travel', app: 'portal', version: 'v1', workload: 'portal-v1' }),
    node('svc:bookinfo:reviews', { nodeType: 'service', service: 'reviews' }),
    node('va:bookinfo:reviews:v1', { app: 'reviews', version: 'v1', workload: 'reviews-v1' }),
    node('va:bookinfo:reviews:v2', { app: 'reviews', version: 'v2', workload: 'reviews-v2' }),
    node('va:bookinfo:ratings:v1', { app: 'ratings', version: 'v1', workload: 'ratings-v1' }),
  ],
  [
    edge('va:bookinfo:productpage:v1', 'svc:bookinfo:reviews', { rps: 10, errorRate: 0.02, latencyMs: { p50: 5, p95: 40, p99: 80 } }),
    edge('va:travel:portal:v1', 'svc:bookinfo:reviews', { rps: 2 }),
    edge('unknown', 'svc:bookinfo:reviews', { rps: 0.1 }),
    edge('svc:bookinfo:reviews', 'va:bookinfo:reviews:v1', { rps: 5 }),
    edge('svc:bookinfo:reviews', 'va:bookinfo:reviews:v2', { rps: 7, errorRate: 0.1 }),
    edge('va:bookinfo:reviews:v2', 'va:bookinfo:ratings:v1', { rps: 7 }),
  ],
);

const workloadGraph = graph(
  'workload',
  [
    node('wl:bookinfo:productpage-v1', { nodeType: 'workload', workload: 'productpage-v1', app: 'productpage' }),
    node('wl:bookinfo:reviews-v2', { nodeType: 'workload', workload: 'reviews-v2', app: 'reviews' }),
    node('wl:bookinfo:ratings-v1', { nodeType: 'workload', workload: 'ratings-v1', app: 'ratings' }),
    node('wl:bookinfo:mysqldb-v1', { nodeType: 'workload', workload: 'mysqldb-v1', app: 'mysqldb' }),
  ],
  [
    edge('wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-v2', { rps: 3 }),
    edge('wl:bookinfo:reviews-v2', 'wl:bookinfo:ratings-v1', { rps: 3, latencyMs: { p50: 1, p95: 2, p99: 3 } }),
    edge('wl:bookinfo:reviews-v2', 'wl:bookinfo:mysqldb-v1', { id: 'db', protocol: 'tcp', rps: 0.5 }),
  ],
);

const peers = (rows: PeerTraffic[]) => rows.map((r) => [r.peer, r.peerHref]);

describe('trafficGraphRequest', () => {
  it.each([
    ['workloads', 'workload', false],
    ['apps', 'app', false],
    ['services', 'versionedApp', true],
  ] as const)('a %s page asks for the %s graph, service nodes %s', (kind, graphType, serviceNodes) => {
    const { params } = trafficGraphRequest({ namespace: 'bookinfo', kind, name: 'x' }, 600);
    expect(params).toEqual({ namespaces: ['bookinfo'], graphType, duration: 600, idleEdges: false, serviceNodes, edgeLabels: ['latency'] });
  });

  it.each([
    [600, 600, false],
    [86_400, 86_400, false],
    [604_800, 86_400, true],
  ])('a %i s window asks for %i s (capped: %s)', (asked, duration, capped) => {
    const request = trafficGraphRequest({ namespace: 'bookinfo', kind: 'apps', name: 'reviews' }, asked);
    expect(request.params.duration).toBe(duration);
    expect({ duration: request.duration, capped: request.capped }).toEqual({ duration, capped });
  });
});

describe('itemTraffic', () => {
  it("a service's callers come in, its versions go out, busiest first", () => {
    const t = itemTraffic(serviceGraph, { namespace: 'bookinfo', kind: 'services', name: 'reviews' });
    expect(t.found).toBe(true);
    expect(peers(t.inbound)).toEqual([
      ['productpage v1', '/namespaces/bookinfo/apps/productpage'],
      // Another namespace's peer says so; traffic from outside the mesh has no page.
      ['portal v1 (travel)', '/namespaces/travel/apps/portal'],
      ['unknown', undefined],
    ]);
    expect(peers(t.outbound)).toEqual([
      ['reviews v2', '/namespaces/bookinfo/apps/reviews'],
      ['reviews v1', '/namespaces/bookinfo/apps/reviews'],
    ]);
    expect(t.inbound[0]).toEqual({
      id: 'va:bookinfo:productpage:v1>svc:bookinfo:reviews:http',
      peer: 'productpage v1',
      peerHref: '/namespaces/bookinfo/apps/productpage',
      protocol: 'http',
      rps: 10,
      errorRate: 0.02,
      p95Ms: 40,
    });
  });

  it("a workload's edges link its peer workloads; TCP has no latency", () => {
    const t = itemTraffic(workloadGraph, { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' });
    expect(peers(t.inbound)).toEqual([['productpage-v1', '/namespaces/bookinfo/workloads/productpage-v1']]);
    expect(peers(t.outbound)).toEqual([
      ['ratings-v1', '/namespaces/bookinfo/workloads/ratings-v1'],
      ['mysqldb-v1', '/namespaces/bookinfo/workloads/mysqldb-v1'],
    ]);
    expect(t.outbound[0]?.p95Ms).toBe(2);
    expect(t.outbound[1]).not.toHaveProperty('p95Ms');
    expect(t.outbound[1]?.protocol).toBe('tcp');
  });

  it('finds nothing for an item that is not in the graph, or is there under another kind', () => {
    expect(itemTraffic(workloadGraph, { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v9' })).toEqual({ found: false, inbound: [], outbound: [] });
    // The reviews service node is not the reviews app.
    expect(itemTraffic(serviceGraph, { namespace: 'bookinfo', kind: 'apps', name: 'reviews' }).found).toBe(false);
  });

  it('a node without edges is found, with empty tables', () => {
    const lone = graph('app', [node('app:bookinfo:details', { app: 'details' })], []);
    expect(itemTraffic(lone, { namespace: 'bookinfo', kind: 'apps', name: 'details' })).toEqual({ found: true, inbound: [], outbound: [] });
  });
});

describe('answersRequest', () => {
  const params = trafficGraphRequest({ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' }, 600).params;
  it.each<[string, Graph, boolean]>([
    ['the graph asked for', workloadGraph, true],
    ['a longer window of it', { ...workloadGraph, duration: 3600 }, true],
    ['another graph type', serviceGraph, false],
    ['another namespace', { ...workloadGraph, namespaces: ['travel'] }, false],
    ['more namespaces', { ...workloadGraph, namespaces: ['bookinfo', 'travel'] }, false],
  ])('%s → %s', (_name, g, answers) => {
    expect(answersRequest(g, params)).toBe(answers);
  });
});
