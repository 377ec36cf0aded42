import { describe, expect, it } from 'vitest';
import { createQueryGuard, queryKey } from './query-guard';

describe('queryKey', () => {
  const t = (iso: string) => new Date(iso);
  it.each([
    ['instant at an explicit time', queryKey('instant', 'up', { time: t('2026-01-01T00:00:10Z') }, 0, 5_000), 'instant at=1767225610000 up'],
    ['instant now, rounded down to the TTL', queryKey('instant', 'up', {}, 12_345, 5_000), 'instant now~10000 up'],
    ['the same bucket a moment later', queryKey('instant', 'up', {}, 14_999, 5_000), 'instant now~10000 up'],
    ['the next bucket', queryKey('instant', 'up', {}, 15_000, 5_000), 'instant now~15000 up'],
    [
      'range',
      queryKey('range', 'sum(rate(x[1m]))', { start: t('2026-01-01T00:00:00Z'), end: t('2026-01-01T00:05:00Z'), stepSeconds: 15 }, 0, 5_000),
      'range start=1767225600000 end=1767225900000 step=15 sum(rate(x[1m]))',
    ],
    ['PromQL that looks like a time stays after the times', queryKey('instant', 'x at=1', {}, 0, 5_000), 'instant now~0 x at=1'],
  ])('%s', (_name, key, expected) => {
    expect(key).toBe(expected);
  });
});

describe('createQueryGuard', () => {
  it('coalesces, caches and reports where each answer came from', async () => {
    const events: string[] = [];
    const guard = createQueryGuard({
      ttlMs: 5_000,
      maxEntries: 10,
      maxConcurrent: 1,
      maxQueue: 0,
      overloaded: () => new Error('overloaded'),
      onSource: (s) => events.push(s),
      onOverload: () => events.push('overload'),
      now: () => 0,
    });
    let calls = 0;
    const fn = async () => ++calls;
    // 20 identical queries take one slot, so a limit of 1 with no queue refuses none of them.
    expect(await Promise.all(Array.from({ length: 20 }, () => guard.run('a', fn)))).toEqual(Array(20).fill(1));
    expect(await guard.run('a', fn)).toBe(1);
    expect(calls).toBe(1);
    expect(events.filter((e) => e === 'shared')).toHaveLength(19);
    expect(events.at(-1)).toBe('hit');
    let release!: () => void;
    const slow = guard.run('b', () => new Promise<number>((r) => (release = () => r(2))));
    await expect(guard.run('c', fn)).rejects.toThrow('overloaded');
    expect(events.slice(-2)).toEqual(['overload', 'miss']);
    release();
    expect(await slow).toBe(2);
  });
});
