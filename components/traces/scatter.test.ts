import { describe, expect, it } from 'vitest';
import { scatterExtent, scatterPoints } from './scatter';
import { summary } from './test-traces';

const box = { width: 120, height: 70, margin: 10 };

describe('scatterPoints', () => {
  it('puts the earliest left, the latest right, the longest at the top, errors marked', () => {
    const points = scatterPoints(
      [summary('a', { startUs: 100, durationUs: 25 }), summary('b', { startUs: 300, durationUs: 100, errorCount: 1 }), summary('c', { startUs: 200, durationUs: 0 })],
      box,
    );
    expect(points.map(({ traceId, x, y, error }) => ({ traceId, x, y, error }))).toEqual([
      { traceId: 'a', x: 10, y: 47.5, error: false },
      { traceId: 'b', x: 110, y: 10, error: true },
      { traceId: 'c', x: 60, y: 60, error: false },
    ]);
  });

  it.each([
    ['no traces', [], []],
    ['one trace sits in the middle', [summary('a', { durationUs: 0 })], [{ x: 60, y: 35 }]],
  ])('%s', (_name, traces, expected) => {
    expect(scatterPoints(traces, box).map(({ x, y }) => ({ x, y }))).toEqual(expected);
  });
});

describe('scatterExtent', () => {
  it('spans the starts and the longest duration', () => {
    expect(scatterExtent([summary('a', { startUs: 300, durationUs: 5 }), summary('b', { startUs: 100, durationUs: 40 })])).toEqual({ firstUs: 100, lastUs: 300, longestUs: 40 });
    expect(scatterExtent([])).toBeUndefined();
  });
});
