/** Bounds how many calls run at once; the rest wait in a FIFO queue of bounded length. */
export interface Limiter {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

/**
 * Creates a semaphore. When `maxQueue` calls already wait, `run` rejects at once with `overloaded()`: a caller is
 * better served by a quick error than by a wait that outlasts its own timeout.
 */
export function createLimiter(options: { maxConcurrent: number; maxQueue: number; overloaded: () => Error }): Limiter {
  if (options.maxConcurrent < 1) throw new RangeError('maxConcurrent must be at least 1');
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
    if (next) next();
    else active -= 1;
  };

  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active < options.maxConcurrent) {
        active += 1;
      } else {
        if (waiting.length >= options.maxQueue) throw options.overloaded();
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await fn();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
  };
}
