import { createCachedCall, type CallSource } from './cached-call';
import { createLimiter } from './limiter';

/** What a query guard reports, for telemetry. */
export interface QueryGuardEvents {
  onSource?: (source: CallSource) => void;
  onOverload?: () => void;
}

export interface QueryGuardOptions extends QueryGuardEvents {
  ttlMs: number;
  maxEntries: number;
  maxConcurrent: number;
  maxQueue: number;
  overloaded: () => Error;
  now?: () => number;
}

/** Runs read-only queries through a short cache, coalescing and a concurrency limit, in that order. */
export interface QueryGuard {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * Creates a guard. The limit sits inside the coalescing, so 20 identical queries take one slot, and outside the
 * call itself, so time spent waiting for a slot does not count against the upstream's timeout.
 */
export function createQueryGuard(options: QueryGuardOptions): QueryGuard {
  const cached = createCachedCall({ ttlMs: options.ttlMs, maxEntries: options.maxEntries, ...(options.now ? { now: options.now } : {}) });
  const limiter = createLimiter({
    maxConcurrent: options.maxConcurrent,
    maxQueue: options.maxQueue,
    overloaded: () => {
      options.onOverload?.();
      return options.overloaded();
    },
  });
  return {
    run: (key, fn) => cached.get(key, () => limiter.run(fn), options.onSource),
  };
}

/**
 * The cache key of a query: its kind, the exact PromQL and its time parameters. "No explicit time" means now, and
 * now is rounded down to the cache TTL, so everyone asking within one interval shares one answer.
 */
export function queryKey(
  kind: 'instant' | 'range',
  promql: string,
  times: { time?: Date; start?: Date; end?: Date; stepSeconds?: number },
  nowMs: number,
  ttlMs: number,
): string {
  const when =
    kind === 'instant'
      ? times.time !== undefined
        ? `at=${times.time.getTime()}`
        : `now~${Math.floor(nowMs / ttlMs) * ttlMs}`
      : `start=${times.start?.getTime()} end=${times.end?.getTime()} step=${times.stepSeconds}`;
  // The PromQL goes last, so no query text can be mistaken for the time parameters.
  return `${kind} ${when} ${promql}`;
}
