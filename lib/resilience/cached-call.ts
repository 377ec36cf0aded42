import { createCoalescer } from './coalesce';
import { TtlCache } from './ttl-cache';

/** Where an answer came from: the cache, another caller's call in flight, or a call of its own. */
export type CallSource = 'hit' | 'shared' | 'miss';

/** A read-through cache in front of an expensive call: cached answers, then shared in-flight calls, then a call. */
export interface CachedCall {
  get<T>(key: string, fn: () => Promise<T>, onSource?: (source: CallSource) => void): Promise<T>;
}

/**
 * Combines a TTL cache with coalescing. Only successes are stored: a failure reaches the callers that shared the
 * call and the next caller tries again.
 */
export function createCachedCall(options: { ttlMs: number; maxEntries: number; now?: () => number }): CachedCall {
  const cache = new TtlCache<unknown>(options);
  const coalescer = createCoalescer();
  return {
    async get<T>(key: string, fn: () => Promise<T>, onSource?: (source: CallSource) => void): Promise<T> {
      const cached = cache.get(key);
      if (cached !== undefined) {
        onSource?.('hit');
        return cached as T;
      }
      let shared = false;
      const call = coalescer.run(
        key,
        async () => {
          const v = await fn();
          cache.set(key, v);
          return v;
        },
        () => {
          shared = true;
        },
      );
      // Reported before the outcome is known, so a miss that fails still counts as a miss.
      onSource?.(shared ? 'shared' : 'miss');
      return call;
    },
  };
}
