import { describe, expect, it } from 'vitest';
import { minimapLabel, minimapLines, rowAtY, rowToY, viewportRect } from './minimap-model';
import { span } from './test-traces';
import { buildTraceTree, visibleRows } from './trace-tree';

// A 100µs trace: r covers it, a and b split it, b fails, b1 sits inside b.
const tree = buildTraceTree({
  traceId: 't1',
  spans: [span('r', undefined, 0, 100, { service: 'front' }), span('a', 'r', 0, 40, { service: 'cart' }), span('b', 'r', 50, 50, { error: true }), span('b1', 'b', 60, 10)],
});
const all = visibleRows(tree, new Set());
const none = new Set<string>();
const pick = (l: ReturnType<typeof minimapLines>[number]) => [l.firstRow, l.rowCount, l.y, l.height, l.x0, l.x1, l.error, l.match, l.critical];

describe('minimapLines', () => {
  it('draws one line per row while the rows fit, at each span’s place on the time axis', () => {
    expect(minimapLines(tree, all, 8, none).map(pick)).toEqual([
      [0, 1, 0, 2, 0, 1, false, false, false],
      [1, 1, 2, 2, 0, 0.4, false, false, false],
      [2, 1, 4, 2, 0.5, 1, true, false, false],
      [3, 1, 6, 2, 0.6, 0.7, false, false, false],
    ]);
  });

  it('merges runs of rows into one line when there are more rows than lines, keeping every flag', () => {
    const lines = minimapLines(tree, all, 2, new Set(['a']), new Set(['b1']));
    expect(lines.map(pick)).toEqual([
      [0, 2, 0, 1, 0, 1, false, true, false],
      [2, 2, 1, 1, 0.5, 1, true, false, true],
    ]);
    expect(lines.map((l) => l.service)).toEqual(['front', 'svc']);
  });

  it('fills the height when the rows do not divide it evenly', () => {
    // 4 rows in 3 lines: 2 per line, so 2 lines of 1.5.
    expect(minimapLines(tree, all, 3, none).map((l) => [l.y, l.height])).toEqual([
      [0, 1.5],
      [1.5, 1.5],
    ]);
  });

  it('shows only the visible rows, so a collapse shortens the picture', () => {
    const rows = visibleRows(tree, new Set(['b']));
    expect(minimapLines(tree, rows, 60, none).map((l) => l.firstRow)).toEqual([0, 1, 2]);
  });

  it('draws a zero-length trace across the whole axis, and nothing for no rows', () => {
    const flat = buildTraceTree({ traceId: 't', spans: [span('z', undefined, 5, 0)] });
    expect(minimapLines(flat, [0], 60, none).map((l) => [l.x0, l.x1])).toEqual([[0, 1]]);
    expect(minimapLines(tree, [], 60, none)).toEqual([]);
  });

  it('never has more lines than the height, however many rows', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => i % 4);
    const lines = minimapLines(tree, rows, 120, none);
    expect(lines.length).toBeLessThanOrEqual(120);
    expect(lines.reduce((n, l) => n + l.rowCount, 0)).toBe(50_000);
  });
});

describe('rowToY and rowAtY', () => {
  it.each<[number, number, number, number]>([
    [0, 100, 60, 0],
    [50, 100, 60, 30],
    [100, 100, 60, 60],
    [3, 0, 60, 0],
  ])('row %d of %d in %dpx → y %d', (row, rows, height, y) => {
    expect(rowToY(row, rows, height)).toBe(y);
  });

  it.each<[number, number, number, number]>([
    [0, 60, 100, 0],
    [30, 60, 100, 50],
    [59.9, 60, 100, 99],
    [60, 60, 100, 99],
    [-5, 60, 100, 0],
    [200, 60, 100, 99],
    [30, 60, 0, -1],
    [10, 60, 3, 0],
  ])('y %d of %dpx with %d rows → row %d', (y, height, rows, row) => {
    expect(rowAtY(y, height, rows)).toBe(row);
  });
});

describe('viewportRect', () => {
  it.each<[string, [number, number, number, number], { top: number; height: number }]>([
    ['the first rows of a list', [0, 29, 120, 60], { top: 0, height: 15 }],
    ['the middle', [60, 89, 120, 60], { top: 30, height: 15 }],
    ['every row in view', [0, 3, 4, 60], { top: 0, height: 60 }],
    ['a few rows of many get the least height', [25_000, 25_027, 50_000, 60], { top: 30, height: 3 }],
    ['the least height stays inside the strip at the bottom', [49_990, 49_999, 50_000, 60], { top: 57, height: 3 }],
    ['no rows', [-1, -1, 0, 60], { top: 0, height: 0 }],
  ])('%s', (_name, [first, last, rows, height], rect) => {
    expect(viewportRect(first, last, rows, height)).toEqual(rect);
  });
});

describe('minimapLabel', () => {
  it.each<[number, number, number, number, string]>([
    [40, 40, 0, 27, 'Minimap of 40 spans; rows 1–28 in view'],
    [12, 40, 0, 11, 'Minimap of 12 of 40 spans; rows 1–12 in view'],
    [1, 1, 0, 0, 'Minimap of 1 span; row 1 in view'],
    [0, 0, -1, -1, 'Minimap of 0 spans'],
  ])('%d rows of %d spans, rows %d to %d → %s', (rows, spans, first, last, label) => {
    expect(minimapLabel(rows, spans, first, last)).toBe(label);
  });
});
