import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TtlCache', () => {
  it('serves a value until its TTL ends, then forgets it', () => {
    const c = clock();
    const cache = new TtlCache<string>({ ttlMs: 5_000, maxEntries: 10, now: c.now });
    cache.set('a', 'A');
    c.advance(4_999);
    expect(cache.get('a')).toBe('A');
    c.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('restarts the TTL when a key is stored again', () => {
    const c = clock();
    const cache = new TtlCache<number>({ ttlMs: 100, maxEntries: 10, now: c.now });
    cache.set('a', 1);
    c.advance(80);
    cache.set('a', 2);
    c.advance(80);
    expect(cache.get('a')).toBe(2);
  });

  it('evicts the least recently used entry beyond the bound', () => {
    const c = clock();
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 2, now: c.now });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('refuses a bound below one', () => {
    expect(() => new TtlCache({ ttlMs: 1, maxEntries: 0 })).toThrow(RangeError);
  });
});
