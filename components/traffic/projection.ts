// The what-if of a traffic split: what each version would receive at today's load. Pure.

import type { Metric } from '@/lib/mesh/metrics/types';

/** The latest value of a series' points, skipping gaps at the end; undefined when it has none. */
function latest(points: readonly (readonly [number, number | null])[]): number | undefined {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i]?.[1];
    if (v !== null && v !== undefined) return v;
  }
  return undefined;
}

/**
 * Requests per second each version receives now, from an inbound request-rate metric split by version (one series
 * per version and response class): the latest rate of each series, summed per version.
 */
export function observedRpsByVersion(requestRate: Metric): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of requestRate.series) {
    const version = s.labels.version;
    const value = latest(s.points);
    if (version === undefined || value === undefined) continue;
    out[version] = (out[version] ?? 0) + value;
  }
  return out;
}

/** The service's total requests per second: the sum over its versions. */
export function totalRps(byVersion: Readonly<Record<string, number>>): number {
  return Object.values(byVersion).reduce((a, b) => a + b, 0);
}

/**
 * What each row would receive if the load stayed as it is and the split changed: total × weight ÷ 100. A weight
 * that is not a number yet projects nothing.
 */
export function projectRps(total: number, weights: readonly (number | undefined)[]): (number | undefined)[] {
  return weights.map((w) => (w === undefined ? undefined : (total * w) / 100));
}
