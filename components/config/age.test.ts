import { describe, expect, it } from 'vitest';
import { ageSeconds, ageText } from './age';

const NOW = Date.parse('2025-06-10T12:00:00Z');

describe('ageText', () => {
  it.each([
    ['2025-06-10T11:59:15Z', '45s'],
    ['2025-06-10T11:59:00Z', '1m'],
    ['2025-06-10T11:00:01Z', '59m'],
    ['2025-06-10T07:00:00Z', '5h'],
    ['2025-06-09T11:00:00Z', '1d'],
    ['2025-05-01T12:00:00Z', '40d'],
    // Ahead of the browser's clock: zero, not negative.
    ['2025-06-10T12:00:30Z', '0s'],
    ['not a time', '—'],
    [undefined, '—'],
  ])('%s → %s', (createdAt, text) => {
    expect(ageText(createdAt, NOW)).toBe(text);
  });

  it('gives seconds for sorting, none when unknown', () => {
    expect(ageSeconds('2025-06-10T11:00:00Z', NOW)).toBe(3600);
    expect(ageSeconds(undefined, NOW)).toBeUndefined();
  });
});
