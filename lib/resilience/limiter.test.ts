import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createLimiter', () => {
  it('runs at most maxConcurrent at once and starts the waiters in FIFO order', async () => {
    const limiter = createLimiter({ maxConcurrent: 2, maxQueue: 10, overloaded: () => new Error('overloaded') });
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await tick();
    expect([started, limiter.active, limiter.queued]).toEqual([[0, 1], 2, 3]);
    gates[1]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect([limiter.active, limiter.queued]).toEqual([0, 0]);
  });

  it('refuses at once when the queue is full, and frees the slot of a failed call', async () => {
    const limiter = createLimiter({ maxConcurrent: 1, maxQueue: 1, overloaded: () => new Error('overloaded') });
    const gate = deferred();
    const running = limiter.run(async () => {
      await gate.promise;
      throw new Error('failed');
    });
    const queued = limiter.run(async () => 'second');
    await expect(limiter.run(async () => 'third')).rejects.toThrow('overloaded');
    gate.resolve();
    await expect(running).rejects.toThrow('failed');
    await expect(queued).resolves.toBe('second');
    expect(limiter.active).toBe(0);
  });
});
