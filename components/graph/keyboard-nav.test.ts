import { describe, expect, it } from 'vitest';
import {
  announcement,
  nearestInDirection,
  nearestTo,
  navKey,
  orderedNeighbours,
  type Direction,
  type NavAction,
  type NavState,
} from './keyboard-nav';
import type { Position } from './placement';

//   a(0,0) ──── b(100,0) ──── c(200,0)
//                 │                     f(260,60)
//               d(100,100)
//   e(-50,200)
const nodes = new Map<string, Position>([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 100, y: 0 }],
  ['c', { x: 200, y: 0 }],
  ['d', { x: 100, y: 100 }],
  ['e', { x: -50, y: 200 }],
  ['f', { x: 260, y: 60 }],
]);
const edges = [
  { source: 'a', target: 'b' },
  { source: 'b', target: 'c' },
  { source: 'd', target: 'b' },
  { source: 'b', target: 'a' },
  { source: 'b', target: 'b' },
  { source: 'b', target: 'gone' },
  { source: 'e', target: 'a' },
];

describe('nearestInDirection', () => {
  it.each<[string, Direction, string | undefined]>([
    ['a', 'right', 'b'],
    ['b', 'right', 'c'],
    // f is 45° off, still inside the cone.
    ['c', 'right', 'f'],
    ['f', 'right', undefined],
    ['b', 'down', 'd'],
    // Nothing within 45° below d: the nearest node merely below it.
    ['d', 'down', 'e'],
    ['a', 'up', undefined],
    ['d', 'up', 'b'],
    ['d', 'left', 'a'],
    ['c', 'left', 'b'],
    ['e', 'up', 'a'],
    ['f', 'left', 'c'],
  ])('from %s %s → %s', (from, direction, expected) => {
    expect(nearestInDirection(nodes.get(from)!, nodes, direction)).toBe(expected);
  });

  it('prefers a node straight ahead over a nearer one off to the side', () => {
    const points = new Map([
      ['side', { x: 70, y: 50 }],
      ['ahead', { x: 100, y: 0 }],
    ]);
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'right')).toBe('ahead');
  });

  it('prefers any node within the cone over a nearer one outside it', () => {
    const points = new Map([
      ['outside', { x: 10, y: 30 }],
      ['inside', { x: 300, y: 200 }],
    ]);
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'right')).toBe('inside');
  });

  it('skips nodes at the same spot and keeps the first of equals', () => {
    const points = new Map([
      ['same', { x: 0, y: 0 }],
      ['up1', { x: -10, y: -100 }],
      ['up2', { x: 10, y: -100 }],
    ]);
    expect(nearestInDirection({ x: 0, y: 0 }, points, 'up')).toBe('up1');
  });
});

describe('nearestTo', () => {
  it.each<[Position, string | undefined, ReadonlyMap<string, Position>]>([
    [{ x: 90, y: 10 }, 'b', nodes],
    [{ x: 0, y: 150 }, 'e', nodes],
    [{ x: 0, y: 0 }, undefined, new Map()],
  ])('%j → %s', (point, expected, map) => {
    expect(nearestTo(point, map)).toBe(expected);
  });
});

describe('orderedNeighbours', () => {
  it.each<[string, string[]]>([
    // Both directions, each once, in reading order; not itself, not nodes off the canvas.
    ['b', ['a', 'd', 'c']],
    ['a', ['e', 'b']],
    ['f', []],
    ['gone', ['b']],
  ])('%s → %j', (id, expected) => {
    expect(orderedNeighbours(id, edges, nodes)).toEqual(expected);
  });
});

describe('navKey', () => {
  const base: NavState = { nodes, edges, focused: null, selected: null, centre: { x: 90, y: 10 } };
  const of = (index: number) => ({ of: 'b', index, count: 3 });
  it.each<[string, string, Partial<NavState>, NavAction | null]>([
    ['starts at the node nearest the centre', 'ArrowRight', {}, { kind: 'focus', id: 'b' }],
    ['moves the focus', 'ArrowRight', { focused: 'a' }, { kind: 'focus', id: 'b' }],
    ['moves from the selected node without a focus', 'ArrowRight', { selected: 'c' }, { kind: 'focus', id: 'f' }],
    ['the focus wins over the selection', 'ArrowDown', { focused: 'b', selected: 'c' }, { kind: 'focus', id: 'd' }],
    ['ignores a focus that left the canvas', 'ArrowRight', { focused: 'gone', selected: 'a' }, { kind: 'focus', id: 'b' }],
    ['stays put at an edge of the graph', 'ArrowUp', { focused: 'a' }, { kind: 'stuck', id: 'a', direction: 'up' }],
    ['has nowhere to go on an empty canvas', 'ArrowLeft', { nodes: new Map() }, { kind: 'hint', hint: 'empty' }],
    ['Enter selects the focused node', 'Enter', { focused: 'd' }, { kind: 'select', id: 'd' }],
    ['Space too', ' ', { focused: 'd', selected: 'a' }, { kind: 'select', id: 'd' }],
    ['Enter needs a focus', 'Enter', { selected: 'a' }, { kind: 'hint', hint: 'focus-first' }],
    ['Enter ignores a focus that left', 'Enter', { focused: 'gone' }, { kind: 'hint', hint: 'focus-first' }],
    ['Escape clears a selection', 'Escape', { selected: 'a' }, { kind: 'clear' }],
    ['Escape clears a focus', 'Escape', { focused: 'a' }, { kind: 'clear' }],
    ['Escape with nothing to clear is left to the page', 'Escape', {}, null],
    ['] steps to the first neighbour', ']', { selected: 'b' }, { kind: 'focus', id: 'a', neighbour: of(0) }],
    ['] steps on', ']', { selected: 'b', focused: 'a' }, { kind: 'focus', id: 'd', neighbour: of(1) }],
    ['] wraps around', ']', { selected: 'b', focused: 'c' }, { kind: 'focus', id: 'a', neighbour: of(0) }],
    ['] starts over from a focus elsewhere', ']', { selected: 'b', focused: 'f' }, { kind: 'focus', id: 'a', neighbour: of(0) }],
    ['[ steps to the last neighbour', '[', { selected: 'b' }, { kind: 'focus', id: 'c', neighbour: of(2) }],
    ['[ steps back', '[', { selected: 'b', focused: 'd' }, { kind: 'focus', id: 'a', neighbour: of(0) }],
    ['[ wraps around', '[', { selected: 'b', focused: 'a' }, { kind: 'focus', id: 'c', neighbour: of(2) }],
    ['[ needs a selected node', '[', { focused: 'b' }, { kind: 'hint', hint: 'select-first' }],
    ['] needs neighbours', ']', { selected: 'f' }, { kind: 'hint', hint: 'no-neighbours', id: 'f' }],
    ['other keys are left to the page', 'x', { focused: 'a' }, null],
    ['Tab is left to the page', 'Tab', { focused: 'a' }, null],
  ])('%s', (_name, key, change, expected) => {
    expect(navKey(key, { ...base, ...change })).toEqual(expected);
  });
});

describe('announcement', () => {
  const nameOf = (id: string) => `node ${id}`;
  it.each<[NavAction, string | undefined]>([
    [{ kind: 'focus', id: 'a' }, 'node a'],
    [{ kind: 'focus', id: 'c', neighbour: { of: 'b', index: 2, count: 3 } }, 'node c, neighbour 3 of 3 of node b'],
    [{ kind: 'stuck', id: 'a', direction: 'up' }, 'No node above node a'],
    [{ kind: 'stuck', id: 'f', direction: 'right' }, 'No node right of node f'],
    [{ kind: 'hint', hint: 'no-neighbours', id: 'f' }, 'node f has no neighbours'],
    [{ kind: 'hint', hint: 'focus-first' }, 'Use the arrow keys to reach a node first'],
    [{ kind: 'select', id: 'a' }, undefined],
    [{ kind: 'clear' }, undefined],
  ])('%j → %s', (action, expected) => {
    expect(announcement(action, nameOf)).toBe(expected);
  });
});
