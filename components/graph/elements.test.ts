import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '@/lib/mesh/graph/types';
import { edgeHealth, filterGraph, nodeDisplayName, toCyElements, type ElementOptions, type GraphPredicate } from './elements';
import { testGraph } from './test-graph';

const byNode = (test: (n: GraphNode) => boolean): GraphPredicate => ({ node: test, edge: () => false });
const byEdge = (test: (e: GraphEdge) => boolean): GraphPredicate => ({ node: () => false, edge: test });

describe('filterGraph', () => {
  it('keeps everything without Find or Hide', () => {
    const g = testGraph();
    const view = filterGraph(g);
    expect(view.nodes).toHaveLength(g.nodes.length);
    expect(view.edges).toHaveLength(g.edges.length);
    expect(view.matchedNodes.size + view.matchedEdges.size + view.hiddenNodes + view.hiddenEdges).toBe(0);
  });

  it.each<[string, GraphPredicate | undefined, GraphPredicate | undefined, { nodes: number; edges: number; matchedNodes: string[]; matchedEdges: string[] }]>([
    ['find a node', byNode((n) => n.version === 'v2'), undefined, { nodes: 10, edges: 10, matchedNodes: ['rev2'], matchedEdges: [] }],
    ['find edges', byEdge((e) => e.errorRate > 0.1), undefined, { nodes: 10, edges: 10, matchedNodes: [], matchedEdges: ['rev-svc->rev3'] }],
    ['hiding a node drops its edges', undefined, byNode((n) => n.id === 'rat'), { nodes: 9, edges: 7, matchedNodes: [], matchedEdges: [] }],
    ['hide an edge only', undefined, byEdge((e) => e.protocol === 'tcp'), { nodes: 10, edges: 9, matchedNodes: [], matchedEdges: [] }],
    [
      'find does not match what hide removed',
      byNode((n) => n.app === 'reviews'),
      byNode((n) => n.version === 'v1'),
      { nodes: 6, edges: 2, matchedNodes: ['rev2', 'rev3'], matchedEdges: [] },
    ],
  ])('%s', (_name, find, hide, expected) => {
    const g = testGraph();
    const view = filterGraph(g, find, hide);
    expect(view.nodes).toHaveLength(expected.nodes);
    expect(view.edges).toHaveLength(expected.edges);
    expect([...view.matchedNodes]).toEqual(expected.matchedNodes);
    expect([...view.matchedEdges]).toEqual(expected.matchedEdges);
    expect(view.hiddenNodes).toBe(g.nodes.length - expected.nodes);
    expect(view.hiddenEdges).toBe(g.edges.length - expected.edges);
    const ids = new Set(view.nodes.map((n) => n.id));
    expect(view.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });
});

describe('nodeDisplayName', () => {
  const g = testGraph();
  it.each([
    ['pp', 'productpage v1'],
    ['rev2', 'reviews v2'],
    ['rev-svc', 'reviews'],
    ['db', 'mysqldb-v1'],
    ['unknown', 'unknown'],
  ])('%s → %s', (id, name) => {
    const node = g.nodes.find((n) => n.id === id);
    expect(node && nodeDisplayName(node)).toBe(name);
  });

  it('falls back to the id when an app node has no app label', () => {
    expect(nodeDisplayName({ ...g.nodes[2]!, app: undefined })).toBe('pp');
  });
});

describe('edgeHealth', () => {
  const base = testGraph().edges[1]!;
  it.each<[number, number, string]>([
    [0, 0, 'na'],
    [0, 0.5, 'na'],
    [1, 0, 'healthy'],
    [1, 0.0001, 'degraded'],
    [1, 0.0999, 'degraded'],
    [1, 0.1, 'failure'],
    [1, 1, 'failure'],
  ])('rps %d, errors %d → %s', (rps, errorRate, health) => {
    expect(edgeHealth({ ...base, rps, errorRate })).toBe(health);
  });
});

describe('toCyElements', () => {
  const options: ElementOptions = { edgeLabel: 'rps', mtls: true, showNamespace: false, animate: false, selectedId: null };
  const elementsOf = (change: Partial<ElementOptions> = {}, find?: GraphPredicate) =>
    toCyElements(filterGraph(testGraph(), find), { ...options, ...change });
  const one = (els: ReturnType<typeof elementsOf>, id: string) => els.find((e) => e.data.id === id);

  it('lists nodes before edges, all of them', () => {
    const els = elementsOf();
    expect(els.map((e) => e.group)).toEqual([...Array(10).fill('nodes'), ...Array(10).fill('edges')]);
  });

  it.each<[string, Partial<ElementOptions>, string, string, string]>([
    ['versioned app', {}, 'rev2', 'reviews\nv2', 'health-degraded type-app'],
    ['outside namespaces gets its namespace', {}, 'gw', 'istio-ingressgateway\nlatest\n(istio-system)', 'health-healthy type-app root'],
    ['unknown root outside mesh', {}, 'unknown', 'unknown', 'health-na type-unknown root outside-mesh'],
    ['namespace shown for many namespaces', { showNamespace: true }, 'pp', 'productpage\nv1\n(bookinfo)', 'health-healthy type-app'],
    ['selected node', { selectedId: 'rev-svc' }, 'rev-svc', 'reviews', 'health-healthy type-service chosen'],
    ['locked edge with rps', {}, 'gw->pp', '🔒 10 rps', 'health-healthy protocol-http'],
    ['mtls off: no lock', { mtls: false }, 'gw->pp', '10 rps', 'health-healthy protocol-http'],
    ['no mtls: no lock', {}, 'unknown->pp', '0.2 rps', 'health-healthy protocol-http'],
    ['mtls share 0.9 is not enough', {}, 'rat->db', '4 KiB/s', 'health-na protocol-tcp idle'],
    ['failing edge, error label', { edgeLabel: 'errorRate', mtls: false }, 'rev-svc->rev3', '20%', 'health-failure protocol-http'],
    ['lock alone without label', { edgeLabel: 'none' }, 'pp->det', '🔒', 'health-healthy protocol-http'],
    ['latency label', { edgeLabel: 'p95', mtls: false }, 'rev2->rat', '20ms', 'health-healthy protocol-http'],
    ['selected edge', { selectedId: 'pp->det', mtls: false, edgeLabel: 'share' }, 'pp->det', '50%', 'health-healthy protocol-http chosen'],
    ['animated edge with traffic', { animate: true, mtls: false }, 'pp->det', '10 rps', 'health-healthy protocol-http flow'],
    ['idle edge does not flow', { animate: true, mtls: false }, 'rat->db', '4 KiB/s', 'health-na protocol-tcp idle'],
  ])('%s', (_name, change, id, label, classes) => {
    const el = one(elementsOf(change), id);
    expect(el?.data.label).toBe(label);
    expect(el?.classes).toBe(classes);
  });

  it('marks find matches', () => {
    const els = elementsOf({}, { node: (n) => n.id === 'rev2', edge: (e) => e.target === 'rat' });
    expect(one(els, 'rev2')?.classes).toContain('find-match');
    expect(one(els, 'rev3')?.classes).not.toContain('find-match');
    expect(one(els, 'rev2->rat')?.classes).toContain('find-match');
    expect(one(els, 'rev3->rat')?.data).toMatchObject({ source: 'rev3', target: 'rat' });
    expect(one(els, 'rev3')?.data.namespace).toBe('bookinfo');
  });
});
