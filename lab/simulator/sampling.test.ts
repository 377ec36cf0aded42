import { describe, expect, it } from 'vitest';
import { callCount, latencyMs, latencyQuantile, pickWeighted, poisson, seededUniform } from './sampling';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

describe('sampling', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = seededUniform(7);
    const b = seededUniform(7);
    const c = seededUniform(8);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it.each([
    { medianMs: 10, p99Ms: 50 },
    { medianMs: 2, p99Ms: 2 },
    { medianMs: 100, p99Ms: 2000 },
  ])('log-normal latency hits median and p99 of %o', (spec) => {
    const u = seededUniform(1);
    const draws = Array.from({ length: 40_000 }, () => latencyMs(spec, u)).sort((x, y) => x - y);
    expect(quantile(draws, 0.5)).toBeCloseTo(spec.medianMs, -Math.log10(spec.medianMs * 0.05));
    expect(Math.abs(quantile(draws, 0.99) / spec.p99Ms - 1)).toBeLessThan(0.08);
    expect(latencyQuantile(spec, 0)).toBeCloseTo(spec.medianMs, 9);
  });

  it.each([0.5, 4, 80])('poisson(%d) has the right mean', (mean) => {
    const u = seededUniform(3);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += poisson(mean, u);
    expect(Math.abs(sum / n / mean - 1)).toBeLessThan(0.03);
    expect(poisson(0, u)).toBe(0);
  });

  it.each([
    [1, 1],
    [2, 2],
    [0.3, 0.3],
    [1.25, 1.25],
  ])('callCount(%d) averages %d', (perRequest, expected) => {
    const u = seededUniform(5);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += callCount(perRequest, u);
    expect(sum / 20_000).toBeCloseTo(expected, 1);
  });

  it('picks by weight and never a zero weight', () => {
    const u = seededUniform(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[pickWeighted([80, 0, 20], u)]!++;
    expect(counts[1]).toBe(0);
    expect((counts[0] ?? 0) / 30_000).toBeCloseTo(0.8, 1);
    expect(pickWeighted([0, 0], u)).toBe(-1);
  });
});
