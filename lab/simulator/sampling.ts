import type { LatencySpec } from './model';

/** A uniform random source on [0, 1); seeded by the caller so runs are reproducible. */
export type Uniform = () => number;

const Z99 = 2.3263478740408408; // the standard normal's 99th percentile

/** A standard normal draw (Box–Muller). */
export function normal(u: Uniform): number {
  const a = Math.max(u(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/** A log-normal latency whose median and 99th percentile are the spec's. */
export function latencyMs(spec: LatencySpec, u: Uniform): number {
  const mu = Math.log(spec.medianMs);
  const sigma = Math.max(0, Math.log(spec.p99Ms / spec.medianMs) / Z99);
  return Math.exp(mu + sigma * normal(u));
}

/** The exact quantile q of the spec's log-normal (for tests and expected values). */
export function latencyQuantile(spec: LatencySpec, zScore: number): number {
  const sigma = Math.max(0, Math.log(spec.p99Ms / spec.medianMs) / Z99);
  return spec.medianMs * Math.exp(sigma * zScore);
}

/** A Poisson draw with the given mean (Knuth for small means, a rounded normal beyond 30). */
export function poisson(mean: number, u: Uniform): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/** How many calls to make for an expected `perRequest`: its whole part, plus one with the fraction's chance. */
export function callCount(perRequest: number, u: Uniform): number {
  const whole = Math.floor(perRequest);
  return whole + (u() < perRequest - whole ? 1 : 0);
}

/** Picks an index with probability proportional to its weight; -1 when all weights are zero. */
export function pickWeighted(weights: readonly number[], u: Uniform): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return -1;
  let r = u() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Mulberry32: a small, fast, seedable PRNG, good enough for traffic simulation. */
export function seededUniform(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
