import { describe, expect, it } from 'vitest';
import { createCachedCall, type CallSource } from './cached-call';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createCachedCall', () => {
  it('calls once for concurrent and later identical requests within the TTL, then again after it', async () => {
    const c = clock();
    const cached = createCachedCall({ ttlMs: 5_000, maxEntries: 10, now: c.now });
    const sources: CallSource[] = [];
    let calls = 0;
    const fn = async () => ++calls;
    const first = await Promise.all([1, 2, 3].map(() => cached.get('k', fn, (s) => sources.push(s))));
    c.advance(4_000);
    const later = await cached.get('k', fn, (s) => sources.push(s));
    c.advance(1_000);
    const expired = await cached.get('k', fn, (s) => sources.push(s));
    expect({ first, later, expired, calls, sources }).toEqual({
      first: [1, 1, 1],
      later: 1,
      expired: 2,
      calls: 2,
      sources: ['miss', 'shared', 'shared', 'hit', 'miss'],
    });
  });

  it('does not cache errors', async () => {
    const cached = createCachedCall({ ttlMs: 5_000, maxEntries: 10, now: () => 0 });
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return 'up';
    };
    const sources: CallSource[] = [];
    await expect(cached.get('k', flaky, (s) => sources.push(s))).rejects.toThrow('down');
    await expect(cached.get('k', flaky, (s) => sources.push(s))).resolves.toBe('up');
    await expect(cached.get('k', flaky, (s) => sources.push(s))).resolves.toBe('up');
    expect(calls).toBe(2);
    expect(sources).toEqual(['miss', 'miss', 'hit']);
  });
});
