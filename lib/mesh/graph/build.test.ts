import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphBuildInput, type TrafficSample } from './build';
import type { Graph } from './types';

type Side = { ns: string; wl: string; app: string; ver: string };
const gateway: Side = { ns: 'istio-system', wl: 'istio-ingressgateway', app: 'istio-ingressgateway', ver: 'latest' };
const productpage: Side = { ns: 'bookinfo', wl: 'productpage-v1', app: 'productpage', ver: 'v1' };
const reviews1: Side = { ns: 'bookinfo', wl: 'reviews-v1', app: 'reviews', ver: 'v1' };
const reviews2: Side = { ns: 'bookinfo', wl: 'reviews-v2', app: 'reviews', ver: 'v2' };
const ratings: Side = { ns: 'bookinfo', wl: 'ratings-v1', app: 'ratings', ver: 'v1' };
const nobody: Side = { ns: 'unknown', wl: 'unknown', app: 'unknown', ver: 'unknown' };

function sample(reporter: 'source' | 'destination', src: Side, dst: Side, service: string, value: number, extra: Record<string, string> = {}): TrafficSample {
  return {
    value,
    labels: {
      reporter,
      source_workload_namespace: src.ns,
      source_workload: src.wl,
      source_canonical_service: src.app,
      source_canonical_revision: src.ver,
      destination_workload_namespace: dst.ns,
      destination_workload: dst.wl,
      destination_canonical_service: dst.app,
      destination_canonical_revision: dst.ver,
      destination_service_namespace: 'bookinfo',
      destination_service_name: service,
      request_protocol: 'http',
      response_code: '200',
      grpc_response_status: '',
      response_flags: '-',
      connection_security_policy: reporter === 'destination' ? 'mutual_tls' : 'unknown',
      ...extra,
    },
  };
}

function build(traffic: TrafficSample[], over: Partial<GraphBuildInput> = {}): Graph {
  return buildGraph({ graphType: 'versionedApp', namespaces: ['bookinfo'], duration: 300, timestamp: 1_800_000_000, traffic, serviceNodes: false, idleEdges: false, ...over });
}

const edge = (g: Graph, source: string, target: string) => g.edges.find((e) => e.source === source && e.target === target);

describe('buildGraph', () => {
  it('takes each hop from one reporter only: destination when it reported, never both added', () => {
    const g = build([
      sample('source', productpage, reviews1, 'reviews', 6),
      sample('destination', productpage, reviews1, 'reviews', 6),
      sample('source', productpage, reviews2, 'reviews', 4),
      sample('destination', productpage, reviews2, 'reviews', 4),
    ]);
    expect(edge(g, 'va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v1')?.rps).toBe(6);
    expect(edge(g, 'va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v2')?.rps).toBe(4);
    expect(g.nodes.find((n) => n.id === 'va:bookinfo:productpage:v1')?.outRps).toBe(10);
  });

  it('keeps source-reported requests that failed before arriving, on an edge to the service', () => {
    const g = build([
      sample('destination', reviews2, ratings, 'ratings', 9),
      sample('source', reviews2, ratings, 'ratings', 9),
      sample('source', reviews2, nobody, 'ratings', 1, { response_code: '500', response_flags: 'FI' }),
    ]);
    const failed = edge(g, 'va:bookinfo:reviews:v2', 'svc:bookinfo:ratings');
    expect(failed).toMatchObject({ rps: 1, errorRate: 1, responseFlags: { FI: 1 }, mtlsShare: 0 });
    expect(edge(g, 'va:bookinfo:reviews:v2', 'va:bookinfo:ratings:v1')).toMatchObject({ rps: 9, errorRate: 0, mtlsShare: 1 });
  });

  it('inserts service nodes when asked: the caller → service edge carries everything', () => {
    const g = build(
      [
        sample('destination', productpage, reviews1, 'reviews', 6),
        sample('destination', productpage, reviews2, 'reviews', 4, { response_code: '503' }),
      ],
      { serviceNodes: true },
    );
    expect(edge(g, 'va:bookinfo:productpage:v1', 'svc:bookinfo:reviews')).toMatchObject({ rps: 10, errorRate: 0.4, responseCodes: { '200': 6, '503': 4 } });
    expect(edge(g, 'svc:bookinfo:reviews', 'va:bookinfo:reviews:v2')).toMatchObject({ rps: 4, errorRate: 1, sourceShare: 0.4 });
  });

  it.each([
    ['app', ['app:bookinfo:productpage', 'app:bookinfo:reviews']],
    ['versionedApp', ['va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v1', 'va:bookinfo:reviews:v2']],
    ['workload', ['wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-v1', 'wl:bookinfo:reviews-v2']],
    ['service', ['svc:bookinfo:productpage', 'svc:bookinfo:reviews']],
  ] as const)('groups nodes for a %s graph', (graphType, ids) => {
    const g = build([sample('destination', productpage, reviews1, 'reviews', 1), sample('destination', productpage, reviews2, 'reviews', 1)], { graphType });
    expect(g.nodes.map((n) => n.id)).toEqual(ids);
  });

  it('marks unknown sources outside the mesh, roots, and nodes outside the chosen namespaces', () => {
    const g = build([sample('destination', nobody, productpage, 'productpage', 2, { connection_security_policy: 'none' }), sample('destination', gateway, productpage, 'productpage', 3)]);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('unknown')).toMatchObject({ nodeType: 'unknown', isOutsideMesh: true, isRoot: true });
    expect(byId.get('va:istio-system:istio-ingressgateway:latest')).toMatchObject({ isRoot: true, isOutsideNamespaces: true });
    expect(byId.get('va:bookinfo:productpage:v1')?.inRps).toBe(5);
    expect(byId.get('va:bookinfo:productpage:v1')?.isRoot).toBeUndefined();
    expect(edge(g, 'unknown', 'va:bookinfo:productpage:v1')?.mtlsShare).toBe(0);
  });

  it('colours nodes by Kiali health of their traffic', () => {
    const g = build([
      sample('destination', productpage, reviews1, 'reviews', 95),
      sample('destination', productpage, reviews1, 'reviews', 5, { response_code: '500' }),
      sample('destination', productpage, reviews2, 'reviews', 10, { response_code: '500' }),
      sample('destination', reviews1, ratings, 'ratings', 100),
    ]);
    const health = Object.fromEntries(g.nodes.map((n) => [n.id, n.health]));
    expect(health).toEqual({
      'va:bookinfo:productpage:v1': 'failure', // 15 % of its outbound calls fail
      'va:bookinfo:ratings:v1': 'healthy',
      'va:bookinfo:reviews:v1': 'degraded',
      'va:bookinfo:reviews:v2': 'failure',
    });
  });

  it('drops idle edges unless asked, and then marks idle nodes', () => {
    const traffic = [sample('destination', productpage, reviews1, 'reviews', 1), sample('destination', productpage, reviews2, 'reviews', 0)];
    expect(build(traffic).nodes.map((n) => n.id)).not.toContain('va:bookinfo:reviews:v2');
    const idle = build(traffic, { idleEdges: true });
    expect(idle.nodes.find((n) => n.id === 'va:bookinfo:reviews:v2')).toMatchObject({ isIdle: true });
    expect(edge(idle, 'va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v2')?.rps).toBe(0);
  });

  it('computes latency quantiles from the buckets of the same reporter, and throughput', () => {
    const bucket = (reporter: 'source' | 'destination', le: string, v: number) => {
      const s = sample(reporter, productpage, reviews1, 'reviews', v, { le });
      return s;
    };
    const g = build([sample('destination', productpage, reviews1, 'reviews', 10)], {
      latency: [bucket('destination', '10', 5), bucket('destination', '20', 10), bucket('destination', '+Inf', 10), bucket('source', '10', 0), bucket('source', '+Inf', 10)],
      throughput: [sample('destination', productpage, reviews1, 'reviews', 2048), sample('source', productpage, reviews1, 'reviews', 99)],
    });
    const e = edge(g, 'va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v1');
    expect(e?.latencyMs?.p50).toBeCloseTo(10, 9);
    expect(e?.latencyMs?.p99).toBeCloseTo(19.8, 9);
    expect(e?.throughputBps).toBe(2048);
  });

  it('annotates only hops the traffic drew, found by hop labels alone (no node names needed)', () => {
    const hopOnly = (s: ReturnType<typeof sample>) => ({
      ...s,
      labels: Object.fromEntries(Object.entries(s.labels).filter(([k]) => !k.includes('canonical'))),
    });
    const g = build([sample('destination', productpage, reviews1, 'reviews', 10)], {
      latency: [hopOnly(sample('destination', productpage, reviews1, 'reviews', 10, { le: '+Inf' })), sample('destination', productpage, reviews2, 'reviews', 7, { le: '+Inf' })],
      throughput: [hopOnly(sample('destination', productpage, reviews1, 'reviews', 512)), sample('destination', reviews1, ratings, 'ratings', 64)],
    });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v1']);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]).toMatchObject({ throughputBps: 512, latencyMs: expect.any(Object) });
  });

  it('counts gRPC errors and missing responses as errors, and keeps TCP apart', () => {
    const g = build([
      sample('destination', productpage, reviews1, 'reviews', 8, { request_protocol: 'grpc', grpc_response_status: '0' }),
      sample('destination', productpage, reviews1, 'reviews', 2, { request_protocol: 'grpc', grpc_response_status: '14' }),
      sample('destination', productpage, ratings, 'ratings', 3, { request_protocol: 'tcp', response_code: '' }),
    ]);
    expect(edge(g, 'va:bookinfo:productpage:v1', 'va:bookinfo:reviews:v1')).toMatchObject({ protocol: 'grpc', errorRate: 0.2, responseCodes: { 'grpc:0': 8, 'grpc:14': 2 } });
    expect(edge(g, 'va:bookinfo:productpage:v1', 'va:bookinfo:ratings:v1')).toMatchObject({ protocol: 'tcp', rps: 3, errorRate: 0, responseCodes: {} });
  });
});
