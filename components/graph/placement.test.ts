import { describe, expect, it } from 'vitest';
import { chooseLayout, diffIds, FCOSE_NODE_THRESHOLD, NODE_SPACING, placeNodes, type Position } from './placement';

describe('chooseLayout', () => {
  it.each<['auto' | 'dagre' | 'fcose', number, 'dagre' | 'fcose']>([
    ['auto', 0, 'dagre'],
    ['auto', FCOSE_NODE_THRESHOLD, 'dagre'],
    ['auto', FCOSE_NODE_THRESHOLD + 1, 'fcose'],
    ['dagre', 5000, 'dagre'],
    ['fcose', 3, 'fcose'],
  ])('%s with %d nodes → %s', (choice, count, expected) => {
    expect(chooseLayout(choice, count)).toBe(expected);
  });
});

describe('diffIds', () => {
  it.each<[string[], string[], { add: string[]; remove: string[]; keep: string[] }]>([
    [[], ['a', 'b'], { add: ['a', 'b'], remove: [], keep: [] }],
    [['a', 'b'], ['a', 'b'], { add: [], remove: [], keep: ['a', 'b'] }],
    [['a', 'b'], ['b', 'c'], { add: ['c'], remove: ['a'], keep: ['b'] }],
    [['a', 'b'], [], { add: [], remove: ['a', 'b'], keep: [] }],
  ])('%j → %j', (current, next, expected) => {
    expect(diffIds(current, next)).toEqual(expected);
  });
});

const S = NODE_SPACING;
const ns = (id: string, namespace = 'bookinfo') => ({ id, namespace });
const known = (entries: [string, Position][]) => new Map(entries);

describe('placeNodes', () => {
  it('asks for a layout when no node has a known position', () => {
    const result = placeNodes({ nodes: [ns('a'), ns('b')], edges: [], known: known([['z', { x: 0, y: 0 }]]) });
    expect(result).toEqual({ positions: new Map(), placed: [], needsLayout: true });
  });

  it('does nothing for an empty graph', () => {
    expect(placeNodes({ nodes: [], edges: [], known: new Map() }).needsLayout).toBe(false);
  });

  it('keeps every known position untouched and places nobody when ids did not change', () => {
    const positions = known([
      ['a', { x: 10, y: 20 }],
      ['b', { x: 200, y: 20 }],
    ]);
    const result = placeNodes({ nodes: [ns('a'), ns('b')], edges: [{ source: 'a', target: 'b' }], known: positions });
    expect(result.placed).toEqual([]);
    expect(result.positions).toEqual(positions);
  });

  it.each<[string, { source: string; target: string }[], Position]>([
    ['a new target goes right of its source', [{ source: 'a', target: 'n' }], { x: 100 + S, y: 50 }],
    ['a new source goes left of its target', [{ source: 'n', target: 'a' }], { x: 100 - S, y: 50 }],
    ['self loops are ignored: falls back to the namespace centroid, nudged off the node', [{ source: 'n', target: 'n' }], { x: 100, y: 50 + S * 0.6 }],
  ])('%s', (_name, edges, expected) => {
    const result = placeNodes({ nodes: [ns('a'), ns('n')], edges, known: known([['a', { x: 100, y: 50 }]]) });
    expect(result.placed).toEqual(['n']);
    expect(result.positions.get('n')).toEqual(expected);
    expect(result.positions.get('a')).toEqual({ x: 100, y: 50 });
  });

  it('stacks two new targets of one source instead of overlapping them', () => {
    const result = placeNodes({
      nodes: [ns('a'), ns('n1'), ns('n2')],
      edges: [
        { source: 'a', target: 'n1' },
        { source: 'a', target: 'n2' },
      ],
      known: known([['a', { x: 0, y: 0 }]]),
    });
    expect(result.positions.get('n1')).toEqual({ x: S, y: 0 });
    expect(result.positions.get('n2')).toEqual({ x: S, y: S * 0.6 });
  });

  it('avoids an existing node at the wanted spot', () => {
    const result = placeNodes({
      nodes: [ns('a'), ns('b'), ns('n')],
      edges: [{ source: 'a', target: 'n' }],
      known: known([
        ['a', { x: 0, y: 0 }],
        ['b', { x: S, y: 0 }],
      ]),
    });
    expect(result.positions.get('n')).toEqual({ x: S, y: S * 0.6 });
  });

  it('places a chain of new nodes off the one that was placed first', () => {
    const result = placeNodes({
      nodes: [ns('c'), ns('b'), ns('a')],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ],
      known: known([['a', { x: 0, y: 0 }]]),
    });
    expect(result.placed).toEqual(['b', 'c']);
    expect(result.positions.get('b')).toEqual({ x: S, y: 0 });
    expect(result.positions.get('c')).toEqual({ x: 2 * S, y: 0 });
  });

  it('puts an unconnected node at its namespace centroid', () => {
    const result = placeNodes({
      nodes: [ns('a'), ns('b'), ns('x', 'travel'), ns('n')],
      edges: [],
      known: known([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 400, y: 200 }],
        ['x', { x: 2000, y: 2000 }],
      ]),
    });
    expect(result.positions.get('n')).toEqual({ x: 200, y: 100 });
  });

  it('puts a node of a namespace not yet drawn below everything', () => {
    const result = placeNodes({
      nodes: [ns('a'), ns('b'), ns('n', 'travel')],
      edges: [],
      known: known([
        ['a', { x: -50, y: 0 }],
        ['b', { x: 400, y: 300 }],
      ]),
    });
    expect(result.positions.get('n')).toEqual({ x: -50, y: 300 + S });
  });

  it('ignores remembered positions of nodes that are gone when avoiding overlaps', () => {
    const result = placeNodes({
      nodes: [ns('a'), ns('n')],
      edges: [{ source: 'a', target: 'n' }],
      known: known([
        ['a', { x: 0, y: 0 }],
        ['gone', { x: S, y: 0 }],
      ]),
    });
    expect(result.positions.get('n')).toEqual({ x: S, y: 0 });
    expect(result.positions.has('gone')).toBe(false);
  });
});
