import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '@/lib/mesh/graph/types';
import { chartTarget, detailsHref, nodeTraffic, ratesByKey, resolveSelection, tracesHref } from './selection';
import { testGraph } from './test-graph';

const g = testGraph();
const nodeOf = (id: string) => g.nodes.find((n) => n.id === id) as GraphNode;

describe('resolveSelection', () => {
  it.each<[string, { node: string | null; edge: string | null }, string | null]>([
    ['nothing selected', { node: null, edge: null }, null],
    ['a node', { node: 'rev2', edge: null }, 'node'],
    ['an edge', { node: null, edge: 'pp->det' }, 'edge'],
    ['a node that left the graph', { node: 'gone', edge: null }, 'missing'],
    ['an edge that left the graph', { node: null, edge: 'x->y' }, 'missing'],
    ['node wins over edge', { node: 'pp', edge: 'pp->det' }, 'node'],
  ])('%s', (_name, ids, kind) => {
    expect(resolveSelection(g, ids)?.kind ?? null).toBe(kind);
  });

  it('is missing while there is no graph yet', () => {
    expect(resolveSelection(undefined, { node: 'pp', edge: null })).toEqual({ kind: 'missing', id: 'pp' });
  });

  it('resolves both ends of an edge', () => {
    const sel = resolveSelection(g, { node: null, edge: 'rev2->rat' });
    expect(sel?.kind === 'edge' && [sel.source?.id, sel.target?.id]).toEqual(['rev2', 'rat']);
  });
});

describe('nodeTraffic', () => {
  it.each<[string, string[], string[]]>([
    ['pp', ['istio-ingressgateway latest', 'unknown'], ['details v1', 'reviews']],
    ['rat', ['reviews v2', 'reviews v3'], ['mysqldb-v1']],
    ['unknown', [], ['productpage v1']],
  ])('%s', (id, inbound, outbound) => {
    const t = nodeTraffic(g, id);
    expect(t.inbound.map((r) => r.peerName)).toEqual(inbound);
    expect(t.outbound.map((r) => r.peerName)).toEqual(outbound);
  });

  it('names a peer missing from the nodes by its id', () => {
    const broken = { ...g, nodes: g.nodes.filter((n) => n.id !== 'det') };
    expect(nodeTraffic(broken, 'pp').outbound.map((r) => r.peerName)).toContain('det');
  });
});

describe('links', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['rev2', '/namespaces/bookinfo/apps/reviews', '/traces?service=reviews.bookinfo'],
    ['rev-svc', '/namespaces/bookinfo/services/reviews', '/traces?service=reviews.bookinfo'],
    ['db', '/namespaces/bookinfo/workloads/mysqldb-v1', '/traces?service=mysqldb.bookinfo'],
    ['unknown', undefined, undefined],
  ])('%s', (id, details, traces) => {
    expect(detailsHref(nodeOf(id))).toBe(details);
    expect(tracesHref(nodeOf(id))).toBe(traces);
  });

  it('escapes names in paths and queries', () => {
    const odd: GraphNode = { ...nodeOf('pp'), app: 'a b/c', namespace: 'n&s' };
    expect(detailsHref(odd)).toBe('/namespaces/n%26s/apps/a%20b%2Fc');
    expect(tracesHref(odd)).toBe('/traces?service=a+b%2Fc.n%26s');
  });

  it('has no details link for an app node without its app label', () => {
    expect(detailsHref({ ...nodeOf('pp'), app: undefined })).toBeUndefined();
  });
});

describe('ratesByKey', () => {
  it.each<[Record<string, number>, [string, number][]]>([
    [{}, []],
    [{ '200': 1, '503': 2 }, [['503', 2], ['200', 1]]],
    [{ UF: 1, DC: 1 }, [['DC', 1], ['UF', 1]]],
  ])('%j', (rates, expected) => {
    expect(ratesByKey(rates)).toEqual(expected);
  });
});

describe('chartTarget', () => {
  const n = (extra: Partial<GraphNode>): GraphNode => ({ id: 'x', nodeType: 'app', namespace: 'bookinfo', health: 'healthy', inRps: 1, outRps: 1, inErrorRate: 0, ...extra });
  const reviewsV2 = n({ app: 'reviews', version: 'v2', workload: 'reviews-v2' });
  const productpage = n({ nodeType: 'workload', workload: 'productpage-v1', app: 'productpage' });
  const reviewsSvc = n({ nodeType: 'service', service: 'reviews' });
  const unknown = n({ nodeType: 'unknown', namespace: 'unknown', inRps: 0 });
  const gateway = n({ nodeType: 'workload', workload: 'istio-ingressgateway', namespace: 'istio-system', inRps: 0, outRps: 10 });
  const edgeOf = (source: GraphNode, target: GraphNode) => ({ kind: 'edge' as const, edge: g.edges[0] as GraphEdge, source, target });

  it.each<[string, Parameters<typeof chartTarget>[0], ReturnType<typeof chartTarget>]>([
    ['a versioned app is its workload', { kind: 'node', node: reviewsV2 }, { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2', direction: 'inbound' }],
    ['an app without version', { kind: 'node', node: n({ app: 'reviews' }) }, { namespace: 'bookinfo', kind: 'apps', name: 'reviews', direction: 'inbound' }],
    ['a service', { kind: 'node', node: reviewsSvc }, { namespace: 'bookinfo', kind: 'services', name: 'reviews', direction: 'inbound' }],
    ['an entry point charts what it sends', { kind: 'node', node: gateway }, { namespace: 'istio-system', kind: 'workloads', name: 'istio-ingressgateway', direction: 'outbound' }],
    ['an unknown node has none', { kind: 'node', node: unknown }, undefined],
    ['an edge is its target inbound from its source', edgeOf(productpage, reviewsSvc), {
      namespace: 'bookinfo', kind: 'services', name: 'reviews', direction: 'inbound', peer: { namespace: 'bookinfo', kind: 'workloads', name: 'productpage-v1' },
    }],
    ['an edge from a service cannot be singled out', edgeOf(reviewsSvc, reviewsV2), undefined],
    ['an edge from an unknown source cannot be singled out', edgeOf(unknown, productpage), undefined],
    ['a missing selection has none', { kind: 'missing', id: 'gone' }, undefined],
  ])('%s', (_name, selection, expected) => {
    expect(chartTarget(selection)).toEqual(expected);
  });
});
