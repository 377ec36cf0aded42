import { describe, expect, it } from 'vitest';
import { durationMs, durationProblem } from './durations';

describe('durationMs', () => {
  it.each([
    ['5s', 5000],
    ['100ms', 100],
    ['1.5s', 1500],
    ['0.5s', 500],
    ['1h', 3_600_000],
    ['2m30s', 150_000],
    ['1m', 60_000],
    ['5 s', undefined],
    ['5', undefined],
    ['s', undefined],
    ['', undefined],
    ['-1s', undefined],
    ['1d', undefined],
    ['0.0005s', undefined],
    ['1.5ms', undefined],
    ['5S', undefined],
  ])('%s → %s', (text, ms) => expect(durationMs(text)).toBe(ms));
});

describe('durationProblem', () => {
  it('names the format for a duration with a space', () => expect(durationProblem('5 s')).toMatch(/"5 s" is not an Istio duration.*without spaces/));
  it('refuses zero', () => expect(durationProblem('0s')).toBe('must be at least 1ms'));
  it('accepts a valid one', () => expect(durationProblem('2m30s')).toBeUndefined());
});
