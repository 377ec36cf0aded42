import { describe, expect, it } from 'vitest';
import { parseTheme } from './theme';

describe('parseTheme', () => {
  it.each([
    ['dark', 'dark'],
    ['light', 'light'],
    ['system', 'system'],
    [undefined, 'system'],
    ['', 'system'],
    ['DARK', 'system'],
    ['dark; path=/', 'system'],
  ])('%s → %s', (value, expected) => {
    expect(parseTheme(value)).toBe(expected);
  });
});
