import { describe, expect, it } from 'vitest';
import { axisTicks, errorText, formatDurationUs } from './format';

describe('formatDurationUs', () => {
  it.each([
    [0, '0µs'],
    [850, '850µs'],
    [1000, '1ms'],
    [12_345, '12.3ms'],
    [999_499, '999ms'],
    [999_999, '1s'],
    [59_999_999, '1m 0s'],
    [1_250_000, '1.25s'],
    [125_000_000, '2m 5s'],
  ])('%d µs → %s', (us, text) => {
    expect(formatDurationUs(us)).toBe(text);
  });
});

describe('axisTicks', () => {
  it('labels the ends and the gaps', () => {
    expect(axisTicks(2000)).toEqual([
      { percent: 0, label: '0µs' },
      { percent: 25, label: '500µs' },
      { percent: 50, label: '1ms' },
      { percent: 75, label: '1.5ms' },
      { percent: 100, label: '2ms' },
    ]);
    expect(axisTicks(10, 1)).toHaveLength(2);
  });
});

describe('errorText', () => {
  it.each<[unknown, string]>([
    [new Error('boom'), 'boom'],
    ['plain', 'plain'],
  ])('%s', (error, text) => {
    expect(errorText(error)).toBe(text);
  });
});
