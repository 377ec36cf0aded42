/** Runs `fn` once per key while a call is in flight; callers arriving meanwhile share its promise. */
export interface Coalescer {
  /** The shared result of `fn` for `key`; `onShared` runs when this caller joined a call already in flight. */
  run<T>(key: string, fn: () => Promise<T>, onShared?: () => void): Promise<T>;
  /** How many distinct calls are in flight. */
  readonly size: number;
}

/** Creates a coalescer; a settled call is forgotten at once, so a failure is never handed to later callers. */
export function createCoalescer(): Coalescer {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, fn: () => Promise<T>, onShared?: () => void): Promise<T> {
      const existing = inFlight.get(key);
      if (existing) {
        onShared?.();
        return existing as Promise<T>;
      }
      const started = (async () => fn())();
      const call = started.finally(() => inFlight.delete(key));
      inFlight.set(key, call);
      return call;
    },
    get size() {
      return inFlight.size;
    },
  };
}
