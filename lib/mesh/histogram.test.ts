import { describe, expect, it } from 'vitest';
import { quantileFromBuckets, type Bucket } from './histogram';

const b = (pairs: [number, number][]): Bucket[] => pairs.map(([le, count]) => ({ le, count }));

describe('quantileFromBuckets', () => {
  it.each([
    // 100 observations evenly in (0,10], (10,20]: median sits on the bucket edge
    [0.5, b([[10, 50], [20, 100], [Infinity, 100]]), 10],
    [0.75, b([[10, 50], [20, 100], [Infinity, 100]]), 15],
    [0.99, b([[10, 50], [20, 100], [Infinity, 100]]), 19.8],
    // all in the first bucket: interpolate from 0
    [0.5, b([[5, 10], [Infinity, 10]]), 2.5],
    // beyond the last finite bound: the highest finite bound, as Prometheus answers
    [0.99, b([[5, 10], [10, 10], [Infinity, 20]]), 10],
    // unsorted input and rates (not integers)
    [0.5, b([[Infinity, 4], [1, 2], [2, 4]]), 1],
    [0, b([[1, 2], [Infinity, 2]]), 0],
  ])('q=%d of %o → %d', (q, buckets, expected) => {
    expect(quantileFromBuckets(q, buckets)).toBeCloseTo(expected, 9);
  });

  it.each([
    [0.5, b([])],
    [0.5, b([[1, 0], [Infinity, 0]])],
    [1.5, b([[1, 1], [Infinity, 1]])],
    [-0.1, b([[1, 1], [Infinity, 1]])],
  ])('q=%d of %o is NaN', (q, buckets) => {
    expect(quantileFromBuckets(q, buckets)).toBeNaN();
  });
});
