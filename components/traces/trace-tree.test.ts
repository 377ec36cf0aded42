import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiV3TracesResponse, tracesFromOtlp } from '@/lib/mesh/traces/otlp';
import type { Span, Trace } from '@/lib/mesh/traces/types';
import { span } from './test-traces';
import { barOf, buildTraceTree, criticalBySpan, parentIds, visibleRows } from './trace-tree';

const REF = join(__dirname, '..', '..', '..', 'shared', 'reference', 'jaeger-traces');
const trace = (spans: Span[]): Trace => ({ traceId: 't1', spans });
const rows = (t: Trace) => buildTraceTree(t).nodes.map((n) => `${'  '.repeat(n.depth)}${n.span.spanId}`);

// root ─┬─ a ── a1
//       └─ b
const small = trace([span('root', undefined, 0, 100), span('a', 'root', 10, 50), span('a1', 'a', 20, 10, { error: true, service: 'db' }), span('b', 'root', 70, 30)]);

describe('buildTraceTree', () => {
  it.each<[string, Trace, string[]]>([
    ['nests children depth-first in start order', small, ['root', '  a', '    a1', '  b']],
    ['a span with a missing parent becomes a root', trace([span('x', 'gone', 0, 5), span('y', 'x', 1, 1)]), ['x', '  y']],
    ['two roots', trace([span('r1', undefined, 0, 5), span('r2', undefined, 3, 5)]), ['r1', 'r2']],
    ['a span that is its own parent', trace([span('s', 's', 0, 5)]), ['s']],
    ['a parent cycle still lists every span once', trace([span('p', 'q', 0, 5), span('q', 'p', 1, 5)]), ['p', '  q']],
    ['an empty trace', trace([]), []],
  ])('%s', (_name, t, expected) => {
    expect(rows(t)).toEqual(expected);
  });

  it('sums up the trace', () => {
    const tree = buildTraceTree(small);
    expect({ start: tree.startUs, end: tree.endUs, depth: tree.depth, services: tree.services, errors: tree.errorCount }).toEqual({
      start: 0,
      end: 100,
      depth: 3,
      services: ['db', 'svc'],
      errors: 1,
    });
    expect(tree.nodes[0]?.children).toEqual([1, 3]);
  });

  it('handles a 50,000-span chain without recursion', () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => span(`s${i}`, i === 0 ? undefined : `s${i - 1}`, i, 50_000 - i));
    const tree = buildTraceTree(trace(spans));
    expect(tree.depth).toBe(50_000);
    expect(visibleRows(tree, new Set(['s10']))).toHaveLength(11);
  });

  it('handles a root with 50,000 children', () => {
    const spans = [span('root', undefined, 0, 100), ...Array.from({ length: 50_000 }, (_, i) => span(`c${i}`, 'root', i % 100, 1))];
    const tree = buildTraceTree(trace(spans));
    expect(tree.nodes[0]?.children).toHaveLength(50_000);
    expect(tree.nodes[1]?.span.spanId).toBe('c0');
    expect(tree.depth).toBe(2);
    expect(visibleRows(tree, new Set(['root']))).toEqual([0]);
  });

  it('reads the real HotROD trace', () => {
    const json: unknown = JSON.parse(readFileSync(join(REF, 'apiv3-otlp/hotrod-getTrace-response.json'), 'utf8'));
    const [hotrod] = tracesFromOtlp(apiV3TracesResponse.parse(json).result);
    if (!hotrod) throw new Error('no trace in the fixture');
    const tree = buildTraceTree(hotrod);
    expect(tree.nodes).toHaveLength(hotrod.spans.length);
    expect(new Set(tree.nodes.map((n) => n.span.spanId)).size).toBe(hotrod.spans.length);
    expect(tree.nodes[0]?.depth).toBe(0);
    expect(tree.nodes[0]?.span.parentSpanId).toBeUndefined();
    // Every child comes after its parent, one level deeper.
    tree.nodes.forEach((n, i) => n.children.forEach((c) => {
      expect(c).toBeGreaterThan(i);
      expect(tree.nodes[c]?.depth).toBe(n.depth + 1);
    }));
    expect(tree.services).toEqual([...new Set(hotrod.spans.map((s) => s.service))].sort());
    expect(tree.depth).toBeGreaterThan(1);
    expect(visibleRows(tree, parentIds(tree))).toEqual([0]);
  });
});

describe('visibleRows', () => {
  const tree = buildTraceTree(small);
  const ids = (collapsed: string[]) => visibleRows(tree, new Set(collapsed)).map((i) => tree.nodes[i]?.span.spanId);
  it.each<[string[], string[]]>([
    [[], ['root', 'a', 'a1', 'b']],
    [['a'], ['root', 'a', 'b']],
    [['root'], ['root']],
    [['a1'], ['root', 'a', 'a1', 'b']],
    [['a', 'root'], ['root']],
    [[...parentIds(tree)], ['root']],
  ])('collapsed %j', (collapsed, expected) => {
    expect(ids(collapsed)).toEqual(expected);
  });
  it('parentIds lists spans with children', () => {
    expect([...parentIds(tree)].sort()).toEqual(['a', 'root']);
  });
});

describe('barOf', () => {
  const tree = buildTraceTree(small);
  it.each<[number, number, { left: number; width: number }]>([
    [0, 100, { left: 0, width: 100 }],
    [10, 50, { left: 10, width: 50 }],
    [70, 0, { left: 70, width: 0 }],
  ])('%d +%d', (start, duration, expected) => {
    expect(barOf(tree, start, duration)).toEqual(expected);
  });
  it('fills the axis for a zero-length trace', () => {
    expect(barOf(buildTraceTree(trace([span('z', undefined, 5, 0)])), 5, 0)).toEqual({ left: 0, width: 100 });
  });
});

describe('criticalBySpan', () => {
  it('groups segments by span', () => {
    const map = criticalBySpan([{ spanId: 'a', startUs: 0, endUs: 1 }, { spanId: 'b', startUs: 1, endUs: 2 }, { spanId: 'a', startUs: 2, endUs: 3 }]);
    expect(map.get('a')).toHaveLength(2);
    expect(map.get('b')).toHaveLength(1);
    expect(map.get('c')).toBeUndefined();
  });
});
