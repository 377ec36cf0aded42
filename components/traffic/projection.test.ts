import { describe, expect, it } from 'vitest';
import type { Metric } from '@/lib/mesh/metrics/types';
import { observedRpsByVersion, projectRps, totalRps } from './projection';

const metric: Metric = {
  unit: 'rps',
  series: [
    { name: 'v1 · 2xx', labels: { version: 'v1', class: '2xx' }, points: [[0, 5], [15, 6]] },
    { name: 'v1 · 5xx', labels: { version: 'v1', class: '5xx' }, points: [[0, 1], [15, 0.5]] },
    // A gap at the end reads the last value before it.
    { name: 'v2 · 2xx', labels: { version: 'v2', class: '2xx' }, points: [[0, 3], [15, null]] },
    { name: 'v3 · 2xx', labels: { version: 'v3', class: '2xx' }, points: [[0, null], [15, null]] },
    { name: '2xx', labels: { class: '2xx' }, points: [[15, 100]] },
  ],
};

describe('observedRpsByVersion', () => {
  it('sums the latest rate of each class per version, and skips series without data or version', () => {
    expect(observedRpsByVersion(metric)).toEqual({ v1: 6.5, v2: 3 });
    expect(totalRps(observedRpsByVersion(metric))).toBe(9.5);
    expect(observedRpsByVersion({ unit: 'rps', series: [] })).toEqual({});
  });
});

describe('projectRps', () => {
  it.each<[number, (number | undefined)[], (number | undefined)[]]>([
    [10, [100, 0, 0], [10, 0, 0]],
    [10, [0, 50, 50], [0, 5, 5]],
    [9, [34, 33, 33], [3.06, 2.97, 2.97]],
    [0, [50, 50], [0, 0]],
    [10, [undefined, 100], [undefined, 10]],
  ])('%d rps split %o → %o', (total, weights, expected) => {
    const got = projectRps(total, weights);
    got.forEach((v, i) => (expected[i] === undefined ? expect(v).toBeUndefined() : expect(v).toBeCloseTo(expected[i] as number, 10)));
  });
});
