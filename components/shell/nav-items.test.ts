import { describe, expect, it } from 'vitest';
import { isCurrentSection } from './nav-items';

describe('isCurrentSection', () => {
  it.each([
    ['/', '/', true],
    ['/', '/graph', false],
    ['/graph', '/graph', true],
    ['/traces', '/traces/abc123', true],
    ['/services', '/servicesx', false],
    ['/config', '/', false],
  ])('%s on %s → %s', (href, pathname, expected) => {
    expect(isCurrentSection(href, pathname)).toBe(expected);
  });
});
