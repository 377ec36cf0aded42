// Keeping the graph still across refreshes: which elements changed, where new nodes go, which layout to run.
// Pure: the canvas applies the plan.

export interface Position {
  x: number;
  y: number;
}

/** Distance between neighbouring nodes when placing new ones; about what the dagre layout leaves. */
export const NODE_SPACING = 110;

/**
 * Above this many nodes the automatic layout switches from dagre (layered, readable, slow on big graphs) to
 * fcose (force-directed, fast). Measured by bench/graph-render.ts in headless Chromium on this kind of machine:
 * dagre takes about 450 ms at 150 nodes and 620 ms at 200 (fcose 340 and 430), then 4.2 s at 500; the rule is to
 * keep dagre while it fits a 500 ms interactive budget.
 */
export const FCOSE_NODE_THRESHOLD = 150;

export type LayoutAlgorithm = 'dagre' | 'fcose';

/** The layout to run for a choice of auto, dagre or fcose and a node count. */
export function chooseLayout(choice: 'auto' | LayoutAlgorithm, nodeCount: number): LayoutAlgorithm {
  if (choice !== 'auto') return choice;
  return nodeCount > FCOSE_NODE_THRESHOLD ? 'fcose' : 'dagre';
}

export interface ElementDiff {
  add: string[];
  remove: string[];
  keep: string[];
}

/** Splits element ids into those to add, to remove and to update in place. */
export function diffIds(current: Iterable<string>, next: readonly string[]): ElementDiff {
  const before = new Set(current);
  const after = new Set(next);
  return {
    add: next.filter((id) => !before.has(id)),
    remove: [...before].filter((id) => !after.has(id)),
    keep: next.filter((id) => before.has(id)),
  };
}

export interface PlacementInput {
  nodes: readonly { id: string; namespace: string }[];
  edges: readonly { source: string; target: string }[];
  /** Positions remembered from earlier renders, by node id. */
  known: ReadonlyMap<string, Position>;
}

export interface Placement {
  /** A position for every node when `needsLayout` is false; known positions are returned unchanged. */
  positions: Map<string, Position>;
  /** Nodes that got a new position. */
  placed: string[];
  /** No node has a known position, so only a full layout can place them. */
  needsLayout: boolean;
}

function neighbourIndex(edges: PlacementInput['edges']): Map<string, { id: string; side: 1 | -1 }[]> {
  const index = new Map<string, { id: string; side: 1 | -1 }[]>();
  const push = (id: string, entry: { id: string; side: 1 | -1 }) => {
    const list = index.get(id);
    if (list) list.push(entry);
    else index.set(id, [entry]);
  };
  for (const e of edges) {
    if (e.source === e.target) continue;
    // Traffic flows left to right, as in the dagre layout: a target sits right of its source.
    push(e.target, { id: e.source, side: 1 });
    push(e.source, { id: e.target, side: -1 });
  }
  return index;
}

/** Moves a wanted position down or up in steps until it overlaps no occupied position. */
function freeSpot(wanted: Position, occupied: readonly Position[], spacing: number): Position {
  const clash = (p: Position) => occupied.some((o) => Math.abs(o.x - p.x) < spacing / 2 && Math.abs(o.y - p.y) < spacing / 2);
  for (let step = 0; step < 1000; step += 1) {
    const k = Math.ceil(step / 2) * (step % 2 === 1 ? 1 : -1);
    const candidate = { x: wanted.x, y: wanted.y + k * spacing * 0.6 };
    if (!clash(candidate)) return candidate;
  }
  return wanted;
}

function centroid(points: readonly Position[]): Position {
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

/**
 * Positions for a graph given the positions nodes had before: known nodes stay put; a new node goes beside a
 * placed neighbour (right of its source, left of its target), else near its namespace's centroid, else below
 * everything; it never lands on another node.
 */
export function placeNodes({ nodes, edges, known }: PlacementInput, spacing = NODE_SPACING): Placement {
  const positions = new Map<string, Position>();
  for (const n of nodes) {
    const p = known.get(n.id);
    if (p) positions.set(n.id, p);
  }
  if (positions.size === 0) return { positions, placed: [], needsLayout: nodes.length > 0 };

  const occupied = [...positions.values()];
  const neighbours = neighbourIndex(edges);
  const placed: string[] = [];
  const place = (id: string, wanted: Position) => {
    const spot = freeSpot(wanted, occupied, spacing);
    positions.set(id, spot);
    occupied.push(spot);
    placed.push(id);
  };

  let pending = nodes.filter((n) => !positions.has(n.id));
  while (pending.length > 0) {
    const waiting: typeof pending = [];
    for (const n of pending) {
      const anchor = neighbours.get(n.id)?.find((nb) => positions.has(nb.id));
      const at = anchor && positions.get(anchor.id);
      if (anchor && at) place(n.id, { x: at.x + anchor.side * spacing, y: at.y });
      else waiting.push(n);
    }
    if (waiting.length === pending.length) {
      // Nothing placed by a neighbour this round: seed one node from its namespace, then try neighbours again.
      const [first, ...rest] = waiting;
      if (!first) break;
      const sameNs = nodes.flatMap((n) => {
        const p = n.namespace === first.namespace ? positions.get(n.id) : undefined;
        return p ? [p] : [];
      });
      if (sameNs.length > 0) {
        place(first.id, centroid(sameNs));
      } else {
        const all = [...positions.values()];
        place(first.id, { x: Math.min(...all.map((p) => p.x)), y: Math.max(...all.map((p) => p.y)) + spacing });
      }
      pending = rest;
    } else {
      pending = waiting;
    }
  }
  return { positions, placed, needsLayout: false };
}
