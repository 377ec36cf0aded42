// Applies element lists to a cytoscape instance without disturbing what the user sees: elements are updated
// in place, new nodes are placed beside their neighbours, and layout only runs when nothing can be placed.
// No React; runs against headless cytoscape in tests.

import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import type { CyElement } from './elements';
import { chooseLayout, diffIds, placeNodes, type LayoutAlgorithm, type Position } from './placement';
import type { LayoutName } from './url-state';

/** What a sync did. */
export interface SyncResult {
  added: string[];
  removed: string[];
  /** New nodes positioned beside existing ones. */
  placed: string[];
  /** Nothing on the canvas had a remembered position: the caller must run a layout. */
  needsLayout: boolean;
}

// Every full layout frames the whole graph at once: no animation, which would also cost as much again.
const FRAME = { fit: true, padding: 30, animate: false } as const;

/** Cytoscape options for a layout algorithm; traffic flows left to right, as new-node placement assumes. */
export function layoutOptions(algorithm: LayoutAlgorithm): LayoutOptions {
  if (algorithm === 'dagre') {
    return { name: 'dagre', rankDir: 'LR', nodeSep: 60, rankSep: 110, ...FRAME } as LayoutOptions;
  }
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 90,
    ...FRAME,
  } as LayoutOptions;
}

/** Copies every node's current position into the map. */
export function recordPositions(cy: Core, positions: Map<string, Position>): void {
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions.set(n.id(), { x: p.x, y: p.y });
  });
}

/**
 * Makes the canvas show `elements`: removes what is gone, updates labels and classes of what stays (positions,
 * zoom and pan untouched), and adds what is new at a remembered or placed position.
 */
export function syncElements(cy: Core, elements: readonly CyElement[], positions: Map<string, Position>): SyncResult {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const edges = elements.filter((e) => e.group === 'edges');
  const byId = new Map(elements.map((e) => [e.data.id, e]));
  const diff = diffIds(
    cy.elements().map((e) => e.id()),
    elements.map((e) => e.data.id),
  );
  const placement = placeNodes({
    nodes: nodes.map((n) => ({ id: n.data.id, namespace: n.data.namespace ?? '' })),
    edges: edges.map((e) => ({ source: e.data.source ?? '', target: e.data.target ?? '' })),
    // What is on the canvas now wins over what was remembered (the user may have dragged since).
    known: new Map([...positions, ...cy.nodes().map((n) => [n.id(), { ...n.position() }] as const)]),
  });

  cy.batch(() => {
    const gone = new Set(diff.remove);
    cy.remove(cy.elements().filter((e) => gone.has(e.id())));
    for (const id of diff.keep) {
      const def = byId.get(id);
      const ele = cy.getElementById(id);
      if (!def) continue;
      if (def.group === 'edges' && (ele.data('source') !== def.data.source || ele.data('target') !== def.data.target)) {
        ele.move({ source: def.data.source ?? '', target: def.data.target ?? '' });
      }
      if (ele.data('label') !== def.data.label) ele.data('label', def.data.label);
      if (ele.classes().join(' ') !== def.classes) ele.classes(def.classes);
    }
    const added: ElementDefinition[] = diff.add.flatMap((id) => {
      const def = byId.get(id);
      if (!def) return [];
      const position = def.group === 'nodes' ? placement.positions.get(id) : undefined;
      return [{ group: def.group, data: { ...def.data }, classes: def.classes, ...(position ? { position: { ...position } } : {}) }];
    });
    // Nodes before edges, so every edge finds its ends.
    cy.add([...added.filter((e) => e.group === 'nodes'), ...added.filter((e) => e.group === 'edges')]);
  });

  for (const id of placement.placed) {
    const p = placement.positions.get(id);
    if (p) positions.set(id, p);
  }
  return { added: diff.add, removed: diff.remove, placed: placement.placed, needsLayout: placement.needsLayout };
}

/** Runs the chosen layout over the whole graph and remembers where it put every node. */
export function runLayout(cy: Core, choice: LayoutName, positions: Map<string, Position>): LayoutAlgorithm {
  const algorithm = chooseLayout(choice, cy.nodes().length);
  const layout = cy.layout(layoutOptions(algorithm));
  layout.one('layoutstop', () => recordPositions(cy, positions));
  layout.run();
  return algorithm;
}

/**
 * Applies a layout computed elsewhere (the layout worker) as a preset layout, framed as `runLayout` frames
 * its own, and remembers every position. Nodes that arrived while the layout ran are placed beside their
 * neighbours; nodes that left meanwhile are ignored.
 */
export function applyLayout(cy: Core, computed: ReadonlyMap<string, Position>, positions: Map<string, Position>): void {
  const placement = placeNodes({
    nodes: cy.nodes().map((n) => ({ id: n.id(), namespace: String(n.data('namespace') ?? '') })),
    edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
    known: computed,
  });
  const layout = cy.layout({ name: 'preset', positions: Object.fromEntries(placement.positions), ...FRAME });
  layout.one('layoutstop', () => recordPositions(cy, positions));
  layout.run();
}
