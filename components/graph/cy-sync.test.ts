import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '@/lib/mesh/graph/types';
import { filterGraph, toCyElements, type ElementOptions } from './elements';
import { applyLayout, layoutOptions, runLayout, syncElements } from './cy-sync';
import type { Position } from './placement';
import { testGraph } from './test-graph';

const options: ElementOptions = { edgeLabel: 'rps', mtls: false, showNamespace: false, animate: false, selectedId: null };
const elementsOf = (graph: Graph, change: Partial<ElementOptions> = {}) => toCyElements(filterGraph(graph), { ...options, ...change });
const positionsOf = (cy: Core) => new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));

beforeAll(() => {
  cytoscape.use(dagre);
});

function drawn(graph = testGraph()) {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const positions = new Map<string, Position>();
  const first = syncElements(cy, elementsOf(graph), positions);
  runLayout(cy, 'dagre', positions);
  return { cy, positions, first };
}

describe('syncElements', () => {
  it('adds everything on an empty canvas and asks for a layout', () => {
    const { cy, first, positions } = drawn();
    expect(first.needsLayout).toBe(true);
    expect(first.added).toHaveLength(20);
    expect(cy.nodes()).toHaveLength(10);
    expect(cy.edges()).toHaveLength(10);
    expect(positions.size).toBe(10);
    // Left to right: the gateway is left of productpage, which is left of details.
    const x = (id: string) => cy.getElementById(id).position().x;
    expect(x('gw')).toBeLessThan(x('pp'));
    expect(x('pp')).toBeLessThan(x('det'));
  });

  it('updates labels and classes in place when the ids are the same, leaving positions and viewport alone', () => {
    const { cy, positions } = drawn();
    cy.zoom(1.7);
    cy.pan({ x: 33, y: -12 });
    const before = positionsOf(cy);
    const graph = testGraph();
    const pp = graph.edges.find((e) => e.id === 'gw->pp')!;
    pp.rps = 99;
    pp.errorRate = 0.5;
    const result = syncElements(cy, elementsOf(graph), positions);
    expect(result).toEqual({ added: [], removed: [], placed: [], needsLayout: false });
    expect(cy.getElementById('gw->pp').data('label')).toBe('99 rps');
    expect(cy.getElementById('gw->pp').hasClass('health-failure')).toBe(true);
    expect(positionsOf(cy)).toEqual(before);
    expect(cy.zoom()).toBe(1.7);
    expect(cy.pan()).toEqual({ x: 33, y: -12 });
  });

  it('places only a new node, beside its neighbour, moving nobody else', () => {
    const { cy, positions } = drawn();
    const before = positionsOf(cy);
    const graph = testGraph();
    graph.nodes.push({ ...graph.nodes.find((n) => n.id === 'rev3')!, id: 'rev4', version: 'v4' });
    graph.edges.push({ ...graph.edges.find((e) => e.id === 'rev-svc->rev3')!, id: 'rev-svc->rev4', target: 'rev4' });
    const result = syncElements(cy, elementsOf(graph), positions);
    expect(result.placed).toEqual(['rev4']);
    expect(result.added).toEqual(['rev4', 'rev-svc->rev4']);
    expect(result.needsLayout).toBe(false);
    for (const [id, p] of before) expect(cy.getElementById(id).position()).toEqual(p);
    const p = cy.getElementById('rev4').position();
    expect(p.x).toBeGreaterThan(before.get('rev-svc')!.x);
    for (const [, other] of before) expect(Math.hypot(other.x - p.x, other.y - p.y)).toBeGreaterThan(10);
    expect(positions.get('rev4')).toEqual(p);
  });

  it('removes a node that is gone, with its edges', () => {
    const { cy, positions } = drawn();
    const graph = testGraph();
    graph.nodes = graph.nodes.filter((n) => n.id !== 'det');
    graph.edges = graph.edges.filter((e) => e.target !== 'det');
    const result = syncElements(cy, elementsOf(graph), positions);
    expect(result.removed.sort()).toEqual(['det', 'pp->det']);
    expect(cy.getElementById('det').empty()).toBe(true);
    expect(cy.edges()).toHaveLength(9);
  });

  it('restores remembered positions on a fresh canvas without a layout', () => {
    const { cy, positions } = drawn();
    const before = positionsOf(cy);
    const fresh = cytoscape({ headless: true, styleEnabled: true });
    const result = syncElements(fresh, elementsOf(testGraph()), positions);
    expect(result.needsLayout).toBe(false);
    expect(result.placed).toEqual([]);
    expect(positionsOf(fresh)).toEqual(before);
  });

  it('keeps a dragged node where the user left it', () => {
    const { cy, positions } = drawn();
    cy.getElementById('rat').position({ x: 999, y: 999 });
    syncElements(cy, elementsOf(testGraph()), positions);
    expect(cy.getElementById('rat').position()).toEqual({ x: 999, y: 999 });
  });

  it('replaces classes, so a cleared selection or find match goes away', () => {
    const { cy, positions } = drawn();
    syncElements(cy, elementsOf(testGraph(), { selectedId: 'pp', animate: true }), positions);
    expect(cy.getElementById('pp').hasClass('chosen')).toBe(true);
    expect(cy.getElementById('pp->det').hasClass('flow')).toBe(true);
    syncElements(cy, elementsOf(testGraph()), positions);
    expect(cy.getElementById('pp').hasClass('chosen')).toBe(false);
    expect(cy.getElementById('pp->det').hasClass('flow')).toBe(false);
  });
});

describe('layoutOptions', () => {
  it.each([
    ['dagre', 'dagre'],
    ['fcose', 'fcose'],
  ] as const)('%s', (algorithm, name) => {
    expect(layoutOptions(algorithm)).toMatchObject({ name, fit: true, animate: false });
  });
});

describe('applyLayout', () => {
  it('moves every node to the computed position and remembers it', () => {
    const { cy, positions } = drawn();
    const computed = new Map([...positionsOf(cy)].map(([id, p]) => [id, { x: p.y * 2, y: -p.x }]));
    applyLayout(cy, computed, positions);
    expect(positionsOf(cy)).toEqual(computed);
    expect(positions).toEqual(computed);
  });

  it('places a node that arrived while the layout ran beside its neighbour, and ignores one that left', () => {
    const { cy, positions } = drawn();
    const computed = new Map([...positionsOf(cy)].filter(([id]) => id !== 'db').map(([id, p]) => [id, { x: p.x + 1000, y: p.y }]));
    computed.set('gone', { x: 5, y: 5 });
    applyLayout(cy, computed, positions);
    const db = cy.getElementById('db').position();
    const rat = computed.get('rat')!;
    expect(db.x).toBeGreaterThan(rat.x);
    expect(Math.abs(db.y - rat.y)).toBeLessThan(200);
    expect(positions.get('db')).toEqual(db);
    expect(positions.has('gone')).toBe(false);
  });
});
