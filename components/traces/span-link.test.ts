import { describe, expect, it } from 'vitest';
import { ancestorIndices, expandAncestors, nodeIndexById, rowOf, spanHref, withSpanParam } from './span-link';
import { span } from './test-traces';
import { buildTraceTree, visibleRows } from './trace-tree';

// r ─┬─ a ─── a1 ─── a2
//    └─ b ─── b1
const tree = buildTraceTree({
  traceId: 't1',
  spans: [span('r', undefined, 0, 100), span('a', 'r', 10, 50), span('a1', 'a', 20, 20), span('a2', 'a1', 25, 5), span('b', 'r', 60, 30), span('b1', 'b', 70, 10)],
});
const ids = tree.nodes.map((n) => n.span.spanId);
const at = (id: string) => ids.indexOf(id);

describe('spanHref and withSpanParam', () => {
  it.each([
    ['abc', '0011', '/traces/abc?span=0011'],
    ['abc', 'a b&c', '/traces/abc?span=a%20b%26c'],
  ])('trace %s, span %s → %s', (traceId, spanId, href) => {
    expect(spanHref(traceId, spanId)).toBe(href);
  });

  it.each([
    ['', 'x1', '?span=x1'],
    ['?span=old', 'x1', '?span=x1'],
    ['?foo=1&span=old', 'x1', '?foo=1&span=x1'],
    ['?foo=1&span=old', null, '?foo=1'],
    ['?span=old', null, ''],
    ['', null, ''],
  ])('%j with span %j → %j', (search, spanId, out) => {
    expect(withSpanParam(search, spanId)).toBe(out);
  });
});

describe('nodeIndexById', () => {
  it('maps every id to its node, the first one for a duplicated id', () => {
    const dup = buildTraceTree({ traceId: 't', spans: [span('r', undefined, 0, 10), span('x', 'r', 1, 1), span('x', 'r', 2, 1)] });
    expect(nodeIndexById(tree).get('a2')).toBe(at('a2'));
    expect(nodeIndexById(tree).get('nope')).toBeUndefined();
    expect(nodeIndexById(dup).get('x')).toBe(1);
  });
});

describe('ancestorIndices', () => {
  it.each([
    ['r', []],
    ['a', ['r']],
    ['a2', ['a1', 'a', 'r']],
    ['b1', ['b', 'r']],
  ])('%s → %j, nearest first', (id, ancestors) => {
    expect(ancestorIndices(tree, at(id)).map((i) => ids[i])).toEqual(ancestors);
  });

  it('finds no ancestors for an index outside the tree', () => {
    expect(ancestorIndices(tree, 99)).toEqual([]);
  });
});

describe('expandAncestors', () => {
  it.each([
    ['a2', ['r', 'a1', 'b'], ['b']],
    ['a2', ['a'], []],
    ['b1', ['a', 'b1'], ['a', 'b1']],
    ['r', ['r'], ['r']],
  ])('revealing %s with %j collapsed leaves %j', (id, collapsed, left) => {
    expect([...expandAncestors(tree, new Set(collapsed), at(id))].sort()).toEqual(left);
  });

  it('returns the same set when nothing hides the node, so the caller can skip an update', () => {
    const collapsed = new Set(['a']);
    expect(expandAncestors(tree, collapsed, at('b1'))).toBe(collapsed);
  });

  it('makes the node visible', () => {
    const next = expandAncestors(tree, new Set(['r', 'a']), at('a2'));
    expect(visibleRows(tree, next)).toContain(at('a2'));
  });
});

describe('rowOf', () => {
  it.each([
    [[0, 1, 4, 5], 4, 2],
    [[0, 1, 4, 5], 0, 0],
    [[0, 1, 4, 5], 5, 3],
    [[0, 1, 4, 5], 2, -1],
    [[0, 1, 4, 5], 9, -1],
    [[], 0, -1],
  ])('rows %j, node %i → row %i', (rows, index, row) => {
    expect(rowOf(rows, index)).toBe(row);
  });
});
