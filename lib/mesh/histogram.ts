/** One cumulative bucket of a Prometheus histogram: count of observations ≤ `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/**
 * The q-quantile of cumulative buckets, interpolated linearly inside the bucket as Prometheus'
 * `histogram_quantile` does; NaN without observations. The +Inf bucket answers the highest finite bound.
 */
export function quantileFromBuckets(q: number, buckets: readonly Bucket[]): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total <= 0 || !(q >= 0 && q <= 1)) return NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of sorted) {
    if (b.count >= rank) {
      if (b.le === Infinity) return prevLe;
      if (b.count === prevCount) return b.le;
      return prevLe + (b.le - prevLe) * ((rank - prevCount) / (b.count - prevCount));
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}

/** Adds bucket counts of several series with the same bounds (summing rates by `le`). */
export function mergeBuckets(into: Map<number, number>, le: number, count: number): void {
  into.set(le, (into.get(le) ?? 0) + count);
}

/** Buckets from a `le → count` map. */
export function bucketsOf(map: ReadonlyMap<number, number>): Bucket[] {
  return [...map].map(([le, count]) => ({ le, count }));
}
