import { describe, expect, it } from 'vitest';
import { formatDuration, seconds } from './duration';
import { PromqlError } from './errors';

describe('seconds / formatDuration', () => {
  it.each([
    [1, '1s'],
    [30, '30s'],
    [60, '1m'],
    [90, '90s'],
    [300, '5m'],
    [600, '10m'],
    [3_600, '1h'],
    [5_400, '90m'],
    [86_400, '1d'],
    [90_000, '25h'],
    [604_800, '7d'],
    [86_401, '86401s'],
  ])('%i s → %s', (n, expected) => {
    expect(formatDuration(seconds(n))).toBe(expected);
  });

  it.each([[0], [-60], [1.5], [0.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 60]])('rejects %d', (n) => {
    expect(() => seconds(n)).toThrow(PromqlError);
    expect(() => seconds(n)).toThrow(/invalid duration/);
  });

  it('rejects a hand-built invalid duration at render time', () => {
    expect(() => formatDuration({ kind: 'duration', seconds: -5 })).toThrow(PromqlError);
  });
});
