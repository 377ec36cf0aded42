// A full layout as a message: what the page sends to the layout worker, what the worker computes, and what it
// sends back. No React and no DOM; the worker runs `computeLayout`, and so do the tests.

import cytoscape, { type Core } from 'cytoscape';
import { layoutOptions } from './cy-sync';
import type { LayoutAlgorithm, Position } from './placement';

/**
 * Below this many nodes the layout runs on the main thread. Starting a worker and loading cytoscape into it
 * takes a few hundred milliseconds; dagre or fcose on a graph this small finish in less, and a synchronous
 * layout draws the first frame already laid out instead of flashing a placeholder.
 */
export const WORKER_MIN_NODES = 100;

export interface LayoutRequest {
  /** Echoed in the reply, so a reply to a request that was superseded can be told apart. */
  id: number;
  algorithm: LayoutAlgorithm;
  /** Sizes as styled on the page: both layouts keep nodes from overlapping by their boxes. */
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}

export type LayoutReply = { id: number; positions: { id: string; x: number; y: number }[] } | { id: number; error: string };

/** Whether a layout of this many nodes goes to a worker; never where there is no `Worker` (tests, old browsers). */
export function layoutInWorker(nodeCount: number, workerAvailable: boolean): boolean {
  return workerAvailable && nodeCount >= WORKER_MIN_NODES;
}

/** The request for laying out everything on a canvas. */
export function layoutRequest(cy: Core, algorithm: LayoutAlgorithm, id: number): LayoutRequest {
  return {
    id,
    algorithm,
    nodes: cy.nodes().map((n) => ({ id: n.id(), width: n.width(), height: n.height() })),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
  };
}

/**
 * Runs a request's layout on a headless cytoscape with the page's options (the algorithm's extension must be
 * registered with `cytoscape.use` first). Failures come back as a reply, so the page can fall back.
 */
export function computeLayout(request: LayoutRequest): LayoutReply {
  try {
    const cy = cytoscape({
      headless: true,
      // Style must be on for nodes to have the sizes the layouts read.
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
      elements: [
        ...request.nodes.map((n) => ({ group: 'nodes' as const, data: n })),
        ...request.edges.map((e) => ({ group: 'edges' as const, data: e })),
      ],
    });
    cy.layout(layoutOptions(request.algorithm)).run();
    const positions = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
    cy.destroy();
    return { id: request.id, positions };
  } catch (err) {
    return { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
}

/** A reply's positions by node id. */
export function replyPositions(reply: Extract<LayoutReply, { positions: unknown }>): Map<string, Position> {
  return new Map(reply.positions.map((p) => [p.id, { x: p.x, y: p.y }]));
}
