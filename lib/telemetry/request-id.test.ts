import { describe, expect, it } from 'vitest';
import { requestIdFor } from './request-id';

describe('requestIdFor', () => {
  const random = () => 'fresh';
  it.each([
    ['0f8e3c1a-4b2d-4e6f-9a7b-1c2d3e4f5a6b', '0f8e3c1a-4b2d-4e6f-9a7b-1c2d3e4f5a6b'],
    ['trace:abc.123_x', 'trace:abc.123_x'],
    [null, 'fresh'],
    ['', 'fresh'],
    ['has space', 'fresh'],
    ['line\nbreak', 'fresh'],
    ['<script>', 'fresh'],
    ['x'.repeat(129), 'fresh'],
  ])('%j → %s', (incoming, expected) => {
    expect(requestIdFor(incoming, random)).toBe(expected);
  });

  it('makes a random UUID by default', () => {
    expect(requestIdFor(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
