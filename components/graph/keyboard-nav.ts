// Moving between the canvas' nodes with the keyboard: which node an arrow key leads to, stepping through a
// node's neighbours, and what to announce. Pure: positions come in, the next focus or selection goes out.
//
// Positions are cytoscape model positions. On screen they are only scaled (zoom) and shifted (pan), so
// "nearest in a direction" is the same in either; y grows downwards in both.

import type { Position } from './placement';

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXIS: Record<Direction, Position> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };
const DIRECTION_WORDS: Record<Direction, string> = { left: 'left of', right: 'right of', up: 'above', down: 'below' };

export const ARROW_KEYS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The node an arrow key leads to from `from`: the nearest of the nodes within 45° of the direction; when
 * that cone is empty, the nearest of those merely on that side. Distance is penalised by the offset across
 * the direction, so a node straight ahead beats one a little nearer but off to the side. Nodes at `from`
 * itself are never chosen; ties keep the map's order.
 */
export function nearestInDirection(from: Position, nodes: ReadonlyMap<string, Position>, direction: Direction): string | undefined {
  const axis = AXIS[direction];
  let best: { id: string; tier: number; score: number } | undefined;
  for (const [id, p] of nodes) {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const along = dx * axis.x + dy * axis.y;
    if (along <= 0) continue;
    const across = Math.abs(dx * axis.y - dy * axis.x);
    const tier = across <= along ? 0 : 1;
    const score = Math.hypot(dx, dy) + across;
    if (!best || tier < best.tier || (tier === best.tier && score < best.score)) best = { id, tier, score };
  }
  return best?.id;
}

/** The node nearest a point (the viewport's centre, where keyboard navigation starts); ties keep order. */
export function nearestTo(point: Position, nodes: ReadonlyMap<string, Position>): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const [id, p] of nodes) {
    const distance = Math.hypot(p.x - point.x, p.y - point.y);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best?.id;
}

/**
 * A node's neighbours (either direction of traffic) that are on the canvas, in reading order — left to
 * right, then top to bottom — so stepping through them follows the layout's flow.
 */
export function orderedNeighbours(id: string, edges: readonly { source: string; target: string }[], nodes: ReadonlyMap<string, Position>): string[] {
  const ids = new Set<string>();
  for (const e of edges) {
    if (e.source === id && e.target !== id) ids.add(e.target);
    else if (e.target === id && e.source !== id) ids.add(e.source);
  }
  const placed = [...ids].flatMap((n) => {
    const p = nodes.get(n);
    return p ? [{ id: n, p }] : [];
  });
  return placed.sort((a, b) => a.p.x - b.p.x || a.p.y - b.p.y).map((n) => n.id);
}

export interface NavState {
  /** The nodes on the canvas and where they are. */
  nodes: ReadonlyMap<string, Position>;
  edges: readonly { source: string; target: string }[];
  /** The keyboard's current node, if any. */
  focused: string | null;
  /** The selected node (shown in the side panel), if a node is selected. */
  selected: string | null;
  /** The middle of what the viewport shows. */
  centre: Position;
}

export type NavAction =
  | { kind: 'focus'; id: string; neighbour?: { of: string; index: number; count: number } }
  | { kind: 'select'; id: string }
  | { kind: 'clear' }
  | { kind: 'stuck'; id: string; direction: Direction }
  | { kind: 'hint'; hint: 'empty' | 'focus-first' | 'select-first' | 'no-neighbours'; id?: string };

/** What a key does on the focused canvas; `null` for keys it leaves to the page. */
export function navKey(key: string, state: NavState): NavAction | null {
  const onCanvas = (id: string | null) => (id !== null && state.nodes.has(id) ? id : null);
  const focused = onCanvas(state.focused);
  const selected = onCanvas(state.selected);
  const direction = ARROW_KEYS[key];
  if (direction) {
    if (state.nodes.size === 0) return { kind: 'hint', hint: 'empty' };
    const from = focused ?? selected;
    const fromPosition = from === null ? undefined : state.nodes.get(from);
    if (from === null || !fromPosition) {
      const id = nearestTo(state.centre, state.nodes);
      return id === undefined ? { kind: 'hint', hint: 'empty' } : { kind: 'focus', id };
    }
    const id = nearestInDirection(fromPosition, state.nodes, direction);
    return id === undefined ? { kind: 'stuck', id: from, direction } : { kind: 'focus', id };
  }
  switch (key) {
    case 'Enter':
    case ' ':
      return focused === null ? { kind: 'hint', hint: 'focus-first' } : { kind: 'select', id: focused };
    case 'Escape':
      return state.selected !== null || state.focused !== null ? { kind: 'clear' } : null;
    case '[':
    case ']': {
      if (selected === null) return { kind: 'hint', hint: 'select-first' };
      const neighbours = orderedNeighbours(selected, state.edges, state.nodes);
      if (neighbours.length === 0) return { kind: 'hint', hint: 'no-neighbours', id: selected };
      const at = focused === null ? -1 : neighbours.indexOf(focused);
      const count = neighbours.length;
      const index = key === ']' ? (at + 1) % count : at === -1 ? count - 1 : (at - 1 + count) % count;
      return { kind: 'focus', id: neighbours[index] ?? selected, neighbour: { of: selected, index, count } };
    }
    default:
      return null;
  }
}

const HINTS = {
  empty: () => 'The graph has no nodes',
  'focus-first': () => 'Use the arrow keys to reach a node first',
  'select-first': () => 'Open a node with Enter first to step through its neighbours',
  'no-neighbours': (name: string) => `${name} has no neighbours`,
} as const;

/** The live-region text for a keyboard action; selection changes are announced where they land instead. */
export function announcement(action: NavAction, nameOf: (id: string) => string): string | undefined {
  switch (action.kind) {
    case 'focus':
      return action.neighbour
        ? `${nameOf(action.id)}, neighbour ${action.neighbour.index + 1} of ${action.neighbour.count} of ${nameOf(action.neighbour.of)}`
        : nameOf(action.id);
    case 'stuck':
      return `No node ${DIRECTION_WORDS[action.direction]} ${nameOf(action.id)}`;
    case 'hint':
      return HINTS[action.hint](action.id === undefined ? '' : nameOf(action.id));
    case 'select':
    case 'clear':
      return undefined;
  }
}
