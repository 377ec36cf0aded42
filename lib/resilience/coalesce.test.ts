import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalesce';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createCoalescer', () => {
  it('shares one call among identical keys in flight, and reports the joiners', async () => {
    const c = createCoalescer();
    const d = deferred<number>();
    let calls = 0;
    let shared = 0;
    const fn = () => {
      calls += 1;
      return d.promise;
    };
    const all = Array.from({ length: 20 }, () => c.run('q', fn, () => (shared += 1)));
    const other = c.run('other', async () => 'x');
    expect(c.size).toBe(2);
    d.resolve(42);
    expect(await Promise.all(all)).toEqual(Array(20).fill(42));
    expect(await other).toBe('x');
    expect([calls, shared, c.size]).toEqual([1, 19, 0]);
  });

  it('forgets a failed call, so the next caller tries again', async () => {
    const c = createCoalescer();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error(`boom ${calls}`));
    };
    await expect(Promise.all([c.run('q', failing), c.run('q', failing)])).rejects.toThrow('boom 1');
    await expect(c.run('q', failing)).rejects.toThrow('boom 2');
    expect(c.size).toBe(0);
  });

  it('turns a synchronous throw into a rejection and still forgets the key', async () => {
    const c = createCoalescer();
    await expect(
      c.run('q', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(c.size).toBe(0);
  });
});
