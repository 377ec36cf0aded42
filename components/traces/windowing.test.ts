import { describe, expect, it } from 'vitest';
import { centerRow, rowsInView, rowWindow, scrollToRow, type WindowInput } from './windowing';

const base: WindowInput = { scrollTop: 0, viewportHeight: 100, rowHeight: 20, rowCount: 50_000, buffer: 5 };

describe('rowWindow', () => {
  it.each<[string, Partial<WindowInput>, ReturnType<typeof rowWindow>]>([
    ['top of a long list', {}, { start: 0, end: 10, offsetTop: 0, totalHeight: 1_000_000 }],
    ['scrolled to a row edge', { scrollTop: 2000 }, { start: 95, end: 110, offsetTop: 1900, totalHeight: 1_000_000 }],
    ['scrolled into a row', { scrollTop: 2010 }, { start: 95, end: 111, offsetTop: 1900, totalHeight: 1_000_000 }],
    ['at the bottom', { scrollTop: 999_900 }, { start: 49_990, end: 50_000, offsetTop: 999_800, totalHeight: 1_000_000 }],
    ['scrolled past the end (a list that shrank)', { scrollTop: 5_000_000 }, { start: 49_995, end: 50_000, offsetTop: 999_900, totalHeight: 1_000_000 }],
    ['negative scroll (overscroll bounce)', { scrollTop: -50 }, { start: 0, end: 10, offsetTop: 0, totalHeight: 1_000_000 }],
    ['fewer rows than fit', { rowCount: 3 }, { start: 0, end: 3, offsetTop: 0, totalHeight: 60 }],
    ['no rows', { rowCount: 0 }, { start: 0, end: 0, offsetTop: 0, totalHeight: 0 }],
    ['no buffer', { buffer: 0, scrollTop: 40 }, { start: 2, end: 7, offsetTop: 40, totalHeight: 1_000_000 }],
  ])('%s', (_name, over, expected) => {
    expect(rowWindow({ ...base, ...over })).toEqual(expected);
  });

  it('mounts a bounded number of rows however long the list', () => {
    const w = rowWindow({ ...base, scrollTop: 500_000 });
    expect(w.end - w.start).toBeLessThanOrEqual(100 / 20 + 1 + 2 * 5);
  });
});

describe('scrollToRow', () => {
  it.each<[number, number, number | undefined]>([
    [5, 0, 20],
    [4, 0, undefined],
    [5, 20, undefined],
    [1, 40, 20],
    [10, 0, 120],
  ])('row %d from scrollTop %d → %s', (row, scrollTop, expected) => {
    expect(scrollToRow(row, scrollTop, 100, 20)).toBe(expected);
  });
});

describe('centerRow', () => {
  // 100px view, 20px rows: the middle of the view is 50px below its top.
  it.each<[string, number, number, number]>([
    ['a row far down the list', 500, 1000, 500 * 20 + 10 - 50],
    ['the first row stays at the top', 0, 1000, 0],
    ['a row near the top does not scroll above it', 2, 1000, 0],
    ['the last row does not scroll past the end', 999, 1000, 1000 * 20 - 100],
    ['a list shorter than the view never scrolls', 2, 3, 0],
    ['no rows', 0, 0, 0],
  ])('%s', (_name, row, rowCount, expected) => {
    expect(centerRow(row, 100, 20, rowCount)).toBe(expected);
  });
});

describe('rowsInView', () => {
  it.each<[string, number, number, { first: number; last: number }]>([
    ['at the top', 0, 50, { first: 0, last: 4 }],
    ['between rows', 30, 50, { first: 1, last: 6 }],
    ['fewer rows than fit', 0, 3, { first: 0, last: 2 }],
    ['scrolled past the end of a list that shrank', 5000, 10, { first: 9, last: 9 }],
    ['no rows', 0, 0, { first: -1, last: -1 }],
  ])('%s', (_name, scrollTop, rowCount, expected) => {
    expect(rowsInView(scrollTop, 100, 20, rowCount)).toEqual(expected);
  });
});
