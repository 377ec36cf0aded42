import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './duration';

describe('parseGoDuration', () => {
  it.each([
    ['100ms', 100e6],
    ['1.5s', 1.5e9],
    ['1h30m', 5400e9],
    ['250us', 250e3],
    ['250µs', 250e3],
    ['4500ns', 4500],
    ['.5s', 0.5e9],
    ['0', 0],
    ['2m3.5s', 123.5e9],
    // The longest whole number of hours Go's int64 nanoseconds hold.
    ['2562047h', 2562047 * 3600e9],
  ])('%s → %d ns', (text, ns) => expect(parseGoDuration(text)).toBe(ns));

  it.each(['', '10', 'abc', '-1s', '1x', '1s x', 's', '1d', '1.2.3s', '1s1', '2562048h', '3000000h', '99999999999999999999ns'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  it('reads days only when asked', () => {
    expect(parseGoDuration('2d', true)).toBe(2 * 86_400e9);
    expect(parseGoDuration('2d')).toBeUndefined();
  });

  it('formats what it parses back', () => {
    for (const text of ['1.5s', '4500ns', '1h']) expect(parseGoDuration(formatGoDuration(parseGoDuration(text)!))).toBe(parseGoDuration(text));
  });
});
