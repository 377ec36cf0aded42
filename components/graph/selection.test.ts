import { describe, expect, it } from 'vitest';
import type { GraphNode } from '@/lib/mesh/graph/types';
import { detailsHref, nodeTraffic, ratesByKey, resolveSelection, tracesHref } from './selection';
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
