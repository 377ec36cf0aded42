/** A bounded map whose entries expire `ttlMs` after they were stored; the least recently used goes first when full. */
export class TtlCache<V> {
  // A Map iterates in insertion order; re-inserting on every read makes its first key the least recently used.
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number },
  ) {
    if (options.maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The live value under `key`, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` for the cache's TTL, evicting the least recently used entries beyond the bound. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Entries held, live or not yet swept. */
  get size(): number {
    return this.entries.size;
  }
}
