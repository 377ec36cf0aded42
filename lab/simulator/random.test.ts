import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draw = (seed: number, n = 5): number[] => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRandom', () => {
  it('replays the same sequence for the same seed and differs for another', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps the mulberry32 sequence for seed 1, so generated meshes stay the same across refactors', () => {
    const r = createRandom(1);
    expect([r.next(), r.next(), r.next()].map((x) => Math.round(x * 4294967296))).toEqual([
      2693262067, 11749833, 2265367787,
    ]);
  });

  it.each([
    [0, 0],
    [1, 6],
    [-3, 3],
  ])('int(%i, %i) stays in range and reaches both ends', (min, max) => {
    const r = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(min, max));
    expect(Math.min(...seen)).toBe(min);
    expect(Math.max(...seen)).toBe(max);
    expect(seen.size).toBe(max - min + 1);
  });

  it('is roughly uniform', () => {
    const r = createRandom(3);
    const n = 20000;
    let below = 0;
    for (let i = 0; i < n; i++) if (r.next() < 0.25) below++;
    expect(below / n).toBeGreaterThan(0.24);
    expect(below / n).toBeLessThan(0.26);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRandom(5).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(out).not.toEqual(input);
  });

  it.each([
    ['int with min > max', () => createRandom(1).int(3, 2)],
    ['int with a fraction', () => createRandom(1).int(0, 1.5)],
    ['pick from nothing', () => createRandom(1).pick([])],
  ])('rejects %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});
