import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { beforeAll, describe, expect, it } from 'vitest';
import { filterGraph, toCyElements } from './elements';
import { runLayout, syncElements } from './cy-sync';
import { computeLayout, layoutInWorker, layoutRequest, replyPositions, WORKER_MIN_NODES, type LayoutRequest } from './layout-job';
import type { Position } from './placement';
import { testGraph } from './test-graph';

beforeAll(() => {
  cytoscape.use(dagre);
  cytoscape.use(fcose);
});

/** A headless canvas showing the test graph, laid out by nothing yet. */
function canvas() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const elements = toCyElements(filterGraph(testGraph()), { edgeLabel: 'none', mtls: false, showNamespace: false, animate: false, selectedId: null });
  syncElements(cy, elements, new Map());
  return cy;
}

describe('layoutInWorker', () => {
  it.each<[number, boolean, boolean]>([
    [0, true, false],
    [WORKER_MIN_NODES - 1, true, false],
    [WORKER_MIN_NODES, true, true],
    [5000, true, true],
    [5000, false, false],
  ])('%d nodes, Worker available: %s → %s', (count, available, expected) => {
    expect(layoutInWorker(count, available)).toBe(expected);
  });
});

describe('layoutRequest', () => {
  it('carries every node with its styled size and every edge by its ends', () => {
    const cy = canvas();
    cy.getElementById('pp').style({ width: 50, height: 40 });
    const request = layoutRequest(cy, 'fcose', 7);
    expect(request.id).toBe(7);
    expect(request.algorithm).toBe('fcose');
    expect(request.nodes).toHaveLength(10);
    expect(request.nodes.find((n) => n.id === 'pp')).toEqual({ id: 'pp', width: 50, height: 40 });
    expect(request.edges).toHaveLength(10);
    expect(request.edges).toContainEqual({ id: 'rev2->rat', source: 'rev2', target: 'rat' });
    // Structured clone must be able to carry it to the worker.
    expect(structuredClone(request)).toEqual(request);
  });
});

describe('computeLayout', () => {
  it('puts nodes where the page itself would (dagre is deterministic)', () => {
    const here = canvas();
    runLayout(here, 'dagre', new Map());
    const reply = computeLayout(layoutRequest(canvas(), 'dagre', 3));
    expect(reply.id).toBe(3);
    if (!('positions' in reply)) throw new Error(reply.error);
    const computed = replyPositions(reply);
    expect(computed.size).toBe(10);
    here.nodes().forEach((n) => {
      expect(computed.get(n.id())?.x).toBeCloseTo(n.position().x, 6);
      expect(computed.get(n.id())?.y).toBeCloseTo(n.position().y, 6);
    });
  });

  it('runs fcose, giving every node its own finite position', () => {
    const reply = computeLayout(layoutRequest(canvas(), 'fcose', 4));
    if (!('positions' in reply)) throw new Error(reply.error);
    const points = reply.positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`);
    expect(reply.positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(new Set(points).size).toBe(10);
  });

  it('returns a failure as a reply, with the request id', () => {
    const request: LayoutRequest = {
      id: 9,
      algorithm: 'dagre',
      nodes: [{ id: 'a', width: 10, height: 10 }],
      edges: [{ id: 'a->b', source: 'a', target: 'b' }],
    };
    expect(computeLayout(request)).toEqual({ id: 9, error: expect.stringContaining('nonexistent target `b`') });
  });
});

describe('replyPositions', () => {
  it('maps positions by node id', () => {
    expect(replyPositions({ id: 1, positions: [{ id: 'a', x: 1, y: 2 }] })).toEqual(new Map<string, Position>([['a', { x: 1, y: 2 }]]));
  });
});
