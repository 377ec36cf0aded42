import { describe, expect, it } from 'vitest';
import type { GraphNode } from '@/lib/mesh/graph/types';
import { nodeDisplayName } from './elements';
import {
  compareValues,
  EDGE_COLUMNS,
  edgeSortValue,
  nextSort,
  NODE_COLUMNS,
  nodeSortValue,
  sortEdges,
  sortNodes,
  sortRows,
  type ColumnSort,
  type EdgeSortKey,
  type NodeSortKey,
  type SortDirection,
  type SortValue,
} from './table-sort';
import { testGraph } from './test-graph';

describe('compareValues', () => {
  it.each<[SortValue, SortValue, SortDirection, number]>([
    [1, 2, 'asc', -1],
    [1, 2, 'desc', 1],
    [2, 2, 'asc', 0],
    // Numerically, not as text: 10 after 9.
    [10, 9, 'asc', 1],
    [0.5, 0.25, 'desc', -1],
    [Infinity, Infinity, 'asc', 0],
    ['a', 'b', 'asc', -1],
    ['a', 'b', 'desc', 1],
    ['reviews v10', 'reviews v2', 'asc', 1],
    ['Details', 'details', 'asc', 0],
    // Missing values last, whatever the direction.
    [undefined, 1, 'asc', 1],
    [undefined, 1, 'desc', 1],
    [1, undefined, 'desc', -1],
    [NaN, 0, 'asc', 1],
    [NaN, 0, 'desc', 1],
    [undefined, NaN, 'asc', 0],
  ])('%j vs %j %s → %d', (a, b, direction, expected) => {
    expect(Math.sign(compareValues(a, b, direction))).toBe(expected);
  });
});

describe('sortRows', () => {
  const rows = [
    { id: 'a', v: 2 },
    { id: 'b', v: undefined },
    { id: 'c', v: 1 },
    { id: 'd', v: 2 },
    { id: 'e', v: undefined },
    { id: 'f', v: 3 },
  ];
  it.each<[SortDirection, string]>([
    ['asc', 'c a d f b e'],
    // Stable: a before d and b before e in both directions, rather than reversed.
    ['desc', 'f a d c b e'],
  ])('%s', (direction, expected) => {
    expect(sortRows(rows, (r) => r.v, direction).map((r) => r.id).join(' ')).toBe(expected);
  });

  it('leaves its input alone', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.v, 'desc');
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it.each<[ColumnSort<string> | null, string, boolean, ColumnSort<string>]>([
    [null, 'rps', true, { key: 'rps', direction: 'desc' }],
    [null, 'name', false, { key: 'name', direction: 'asc' }],
    [{ key: 'rps', direction: 'desc' }, 'rps', true, { key: 'rps', direction: 'asc' }],
    [{ key: 'rps', direction: 'asc' }, 'rps', true, { key: 'rps', direction: 'desc' }],
    [{ key: 'name', direction: 'asc' }, 'name', false, { key: 'name', direction: 'desc' }],
    [{ key: 'name', direction: 'desc' }, 'rps', true, { key: 'rps', direction: 'desc' }],
    [{ key: 'rps', direction: 'asc' }, 'protocol', false, { key: 'protocol', direction: 'asc' }],
  ])('%j then %s', (current, key, numeric, expected) => {
    expect(nextSort(current, key, numeric)).toEqual(expected);
  });
});

const g = testGraph();
const names = new Map(g.nodes.map((n) => [n.id, nodeDisplayName(n)]));
const nameOf = (id: string) => names.get(id) ?? id;

describe('sortNodes', () => {
  // The test graph's nodes, in its own order: unknown gw pp det rev-svc rev1 rev2 rev3 rat db.
  const nodes = g.nodes.map((n): GraphNode => {
    if (n.id === 'det') return { ...n, inRps: 10, outRps: 0 };
    if (n.id === 'rat') return { ...n, inRps: 6.6, inErrorRate: 0.5 };
    if (n.id === 'unknown' || n.id === 'gw') return { ...n, inRps: 0, inErrorRate: 0 };
    return n;
  });
  const matched = new Set(['rev2', 'rat']);
  it.each<[NodeSortKey, SortDirection, string]>([
    ['type', 'asc', 'gw pp det rev1 rev2 rev3 rat rev-svc unknown db'],
    ['namespace', 'asc', 'pp det rev-svc rev1 rev2 rev3 rat db gw unknown'],
    // Healthy < degraded < failure; no traffic is missing, so last both ways.
    ['health', 'asc', 'gw pp det rev-svc rev1 rev3 rat rev2 unknown db'],
    ['health', 'desc', 'rev2 gw pp det rev-svc rev1 rev3 rat unknown db'],
    ['inRps', 'desc', 'det rat pp rev-svc rev1 rev2 rev3 db unknown gw'],
    ['inRps', 'asc', 'unknown gw pp rev-svc rev1 rev2 rev3 db rat det'],
    ['outRps', 'asc', 'det unknown gw pp rev-svc rev1 rev2 rev3 rat db'],
    // Nodes without inbound traffic have no error rate: last, not first.
    ['errors', 'asc', 'pp det rev-svc rev1 rev3 db rev2 rat unknown gw'],
    ['errors', 'desc', 'rat rev2 pp det rev-svc rev1 rev3 db unknown gw'],
    ['find', 'desc', 'rev2 rat unknown gw pp det rev-svc rev1 rev3 db'],
  ])('%s %s', (key, direction, expected) => {
    expect(sortNodes(nodes, { key, direction }, matched).map((n) => n.id).join(' ')).toBe(expected);
  });

  it.each<[SortDirection, string[]]>([
    ['asc', ['details v1', 'istio-ingressgateway latest', 'mysqldb-v1', 'productpage v1', 'ratings v1', 'reviews', 'reviews v1', 'reviews v2', 'reviews v3', 'unknown']],
    ['desc', ['unknown', 'reviews v3', 'reviews v2', 'reviews v1', 'reviews', 'ratings v1', 'productpage v1', 'mysqldb-v1', 'istio-ingressgateway latest', 'details v1']],
  ])('name %s, by the name shown', (direction, expected) => {
    expect(sortNodes(nodes, { key: 'name', direction }, matched).map(nodeDisplayName)).toEqual(expected);
  });

  it('keeps the graph order without a sort', () => {
    expect(sortNodes(nodes, null, matched)).toBe(nodes);
  });
});

describe('sortEdges', () => {
  const matched = new Set(['pp->det']);
  it.each<[EdgeSortKey, SortDirection, string]>([
    ['rps', 'desc', 'gw->pp pp->det pp->rev-svc rev-svc->rev1 rev-svc->rev2 rev-svc->rev3 rev2->rat rev3->rat unknown->pp rat->db'],
    ['rps', 'asc', 'rat->db unknown->pp rev-svc->rev1 rev-svc->rev2 rev-svc->rev3 rev2->rat rev3->rat gw->pp pp->det pp->rev-svc'],
    // The idle TCP edge has no error rate and no mTLS share: last both ways.
    ['errors', 'desc', 'rev-svc->rev3 rev-svc->rev2 unknown->pp gw->pp pp->det pp->rev-svc rev-svc->rev1 rev2->rat rev3->rat rat->db'],
    ['mtls', 'asc', 'unknown->pp gw->pp pp->det pp->rev-svc rev-svc->rev1 rev-svc->rev2 rev-svc->rev3 rev2->rat rev3->rat rat->db'],
    ['mtls', 'desc', 'gw->pp pp->det pp->rev-svc rev-svc->rev1 rev-svc->rev2 rev-svc->rev3 rev2->rat rev3->rat unknown->pp rat->db'],
    ['protocol', 'desc', 'rat->db unknown->pp gw->pp pp->det pp->rev-svc rev-svc->rev1 rev-svc->rev2 rev-svc->rev3 rev2->rat rev3->rat'],
    ['find', 'desc', 'pp->det unknown->pp gw->pp pp->rev-svc rev-svc->rev1 rev-svc->rev2 rev-svc->rev3 rev2->rat rev3->rat rat->db'],
  ])('%s %s', (key, direction, expected) => {
    expect(sortEdges(g.edges, { key, direction }, matched, nameOf).map((e) => e.id).join(' ')).toBe(expected);
  });

  it('sorts by the names shown, source then target', () => {
    const order = sortEdges(g.edges, { key: 'edge', direction: 'asc' }, matched, nameOf).map((e) => edgeSortValue(e, 'edge', matched, nameOf));
    expect(order.slice(0, 3)).toEqual(['istio-ingressgateway latest → productpage v1', 'productpage v1 → details v1', 'productpage v1 → reviews']);
  });
});

describe('columns', () => {
  // A busy, healthy node and edge have a value in every column, so a missing value can only mean "none".
  const node = g.nodes.find((n) => n.id === 'pp')!;
  const edge = g.edges.find((e) => e.id === 'pp->det')!;
  it.each(NODE_COLUMNS.map((c) => [c.key, c.numeric] as const))('node column %s', (key, numeric) => {
    const value = nodeSortValue(node, key, new Set());
    expect(value).toBeDefined();
    if (numeric) expect(typeof value).toBe('number');
  });
  it.each(EDGE_COLUMNS.map((c) => [c.key, c.numeric] as const))('edge column %s', (key, numeric) => {
    const value = edgeSortValue(edge, key, new Set(), nameOf);
    expect(value).toBeDefined();
    if (numeric) expect(typeof value).toBe('number');
  });
  it('have unique keys', () => {
    expect(new Set(NODE_COLUMNS.map((c) => c.key)).size).toBe(NODE_COLUMNS.length);
    expect(new Set(EDGE_COLUMNS.map((c) => c.key)).size).toBe(EDGE_COLUMNS.length);
  });
});
