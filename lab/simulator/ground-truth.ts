// What the simulated mesh really did, per edge, so tests can hold the console's numbers (read back from
// Prometheus) against it. Time is always passed in: the simulator owns the clock, tests stay deterministic.

import type { Protocol } from './model';
import { seededUniform, type Uniform } from './sampling';

/** One edge: a source workload calling a destination workload through a service. */
export interface TruthEdge {
  /** `unknown` for traffic from outside the mesh; `istio-system` for the ingress gateway. */
  sourceNamespace: string;
  /** `unknown` for traffic from outside the mesh; `istio-ingressgateway` for the gateway. */
  sourceWorkload: string;
  destinationNamespace: string;
  destinationWorkload: string;
  destinationService: string;
  protocol: Protocol;
}

/** How one request attempt ended. */
export interface TruthOutcome {
  /** HTTP status; 0 when no response came back. */
  responseCode: number;
  /** Envoy's response flags, `-` when none. */
  responseFlags: string;
  /** Duration the client observed; only read when `arrived`. */
  durationMs: number;
  /** Reached the destination's sidecar (false for client-side fault aborts, NR, refused connections). */
  arrived: boolean;
}

/** Exact latency quantiles (nearest rank) and mean, in milliseconds. */
export interface LatencyTruth {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** What happened on one edge during the window. */
export interface EdgeTruth extends TruthEdge {
  /** Every attempt the source made, arrived or not. */
  requests: number;
  /** Attempts that reached the destination's sidecar. */
  arrived: number;
  ratePerSecond: number;
  arrivedRatePerSecond: number;
  /** Share of `requests` with code >= 500 or 0 (no response). */
  errorShare: number;
  /** Count of requests per response code (`"0"` = no response). */
  responseCodes: Record<string, number>;
  /** Count of requests per response-flags value. */
  responseFlags: Record<string, number>;
  /** Over arrived requests; null when none arrived. */
  latencyMs: LatencyTruth | null;
  /** Latency samples the quantiles were computed from (fewer than `arrived` once reservoirs filled). */
  latencySamples: number;
}

/** Inbound traffic of one destination workload: what its sidecar reports as `reporter="destination"`. */
export interface WorkloadTruth {
  namespace: string;
  workload: string;
  inboundRequests: number;
  inboundRatePerSecond: number;
}

/** The ground truth over a window; plain JSON (served at `GET /truth?window=60`). */
export interface TruthReport {
  windowSeconds: number;
  /** The window is [fromMs, toMs): the last `windowSeconds` complete seconds before the report time. */
  fromMs: number;
  toMs: number;
  edges: EdgeTruth[];
  workloads: WorkloadTruth[];
  /** Records that arrived after their second had already been evicted. */
  droppedLateRecords: number;
}

/** Options of {@link GroundTruth}. */
export interface GroundTruthOptions {
  /** Longest window a report may ask for; older seconds are evicted (default 600). */
  maxWindowSeconds?: number;
  /** Latency samples kept per edge per second (reservoir); default 64. */
  maxSamplesPerEdgeSecond?: number;
  /** Seed of the reservoir's PRNG (default 1); ignored when `random` is given. */
  seed?: number;
  random?: Uniform;
}

class SecondBucket {
  requests = 0;
  arrived = 0;
  errors = 0;
  latencySum = 0;
  readonly samples: number[] = [];
  // (code, flags) pairs seen this second; a handful per edge, so arrays beat maps here.
  readonly outcomeCodes: number[] = [];
  readonly outcomeFlags: string[] = [];
  readonly outcomeCounts: number[] = [];

  constructor(readonly edgeKey: string) {}

  countOutcome(code: number, flags: string): void {
    for (let i = 0; i < this.outcomeCodes.length; i++) {
      if (this.outcomeCodes[i] === code && this.outcomeFlags[i] === flags) {
        this.outcomeCounts[i] = (this.outcomeCounts[i] as number) + 1;
        return;
      }
    }
    this.outcomeCodes.push(code);
    this.outcomeFlags.push(flags);
    this.outcomeCounts.push(1);
  }
}

interface EdgeAggregate {
  requests: number;
  arrived: number;
  errors: number;
  latencySum: number;
  codes: Map<string, number>;
  flags: Map<string, number>;
  /** Each second's samples stand for `arrived / samples.length` requests. */
  sampleSets: { samples: readonly number[]; weight: number }[];
  sampleCount: number;
}

function edgeKeyOf(e: TruthEdge): string {
  return [e.sourceNamespace, e.sourceWorkload, e.destinationNamespace, e.destinationWorkload, e.destinationService, e.protocol].join('\u0000');
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be an integer >= 1, got ${value}`);
  return value;
}

const QUANTILES = [0.5, 0.95, 0.99] as const;

/**
 * Nearest-rank quantiles over weighted samples: the smallest value whose cumulative weight reaches q of the total.
 * With every weight 1 this is the textbook exact quantile of the samples.
 */
export function weightedQuantiles(sets: readonly { samples: readonly number[]; weight: number }[], qs: readonly number[]): number[] {
  const n = sets.reduce((a, s) => a + s.samples.length, 0);
  if (n === 0) return qs.map(() => NaN);
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  let uniform = true;
  let i = 0;
  for (const set of sets) {
    if (set.weight !== 1) uniform = false;
    for (const v of set.samples) {
      values[i] = v;
      weights[i++] = set.weight;
    }
  }
  let sortedValues = values;
  let sortedWeights = weights;
  if (uniform) {
    sortedValues.sort();
  } else {
    const order = Uint32Array.from({ length: n }, (_, k) => k).sort((a, b) => (values[a] as number) - (values[b] as number));
    sortedValues = Float64Array.from(order, (k) => values[k] as number);
    sortedWeights = Float64Array.from(order, (k) => weights[k] as number);
  }
  const total = sortedWeights.reduce((a, w) => a + w, 0);
  // Summing weights such as 1000/64 drifts in the last bits; without slack a rank could be missed by 1e-13.
  const slack = total * 1e-12;
  return qs.map((q) => {
    const target = q * total - slack;
    let cumulative = 0;
    for (let k = 0; k < n; k++) {
      cumulative += sortedWeights[k] as number;
      if (cumulative >= target) return sortedValues[k] as number;
    }
    return sortedValues[n - 1] as number;
  });
}

/**
 * Per-edge ground truth over a sliding window of whole seconds.
 *
 * Memory bound: at most `maxWindowSeconds + 1` seconds are kept; each holds one bucket per edge active in that
 * second, with at most `maxSamplesPerEdgeSecond` latency samples (8 bytes each) and one entry per distinct
 * (response code, flags) pair. So memory ≤ active edges × (maxWindowSeconds + 1) × (~200 B + 8 B × samples).
 * Rates, error shares and means stay exact; quantiles are exact while an edge sees at most
 * `maxSamplesPerEdgeSecond` requests per second, and are reservoir estimates (weighted per second) beyond it.
 */
export class GroundTruth {
  private readonly maxWindowSeconds: number;
  private readonly maxSamples: number;
  private readonly random: Uniform;
  /** second → edge key → bucket; whole seconds are evicted at once. */
  private readonly seconds = new Map<number, Map<string, SecondBucket>>();
  /** edge key → edge and the last second it had traffic, so reports can name edges without copies per bucket. */
  private readonly edges = new Map<string, { edge: TruthEdge; lastSecond: number }>();
  private latestSecond = -Infinity;
  private droppedLate = 0;

  constructor(options: GroundTruthOptions = {}) {
    this.maxWindowSeconds = positiveInteger(options.maxWindowSeconds ?? 600, 'maxWindowSeconds');
    this.maxSamples = positiveInteger(options.maxSamplesPerEdgeSecond ?? 64, 'maxSamplesPerEdgeSecond');
    this.random = options.random ?? seededUniform(options.seed ?? 1);
  }

  /** Records one request attempt on an edge at time `atMs` (simulation clock, milliseconds). */
  record(edge: TruthEdge, outcome: TruthOutcome, atMs: number): void {
    if (!Number.isFinite(atMs)) throw new RangeError(`atMs must be finite, got ${atMs}`);
    if (!Number.isInteger(outcome.responseCode) || outcome.responseCode < 0) {
      throw new RangeError(`responseCode must be an integer >= 0, got ${outcome.responseCode}`);
    }
    if (outcome.arrived && !(outcome.durationMs >= 0 && Number.isFinite(outcome.durationMs))) {
      throw new RangeError(`durationMs must be a finite number >= 0, got ${outcome.durationMs}`);
    }
    const second = Math.floor(atMs / 1000);
    this.advance(second);
    if (second < this.latestSecond - this.maxWindowSeconds) {
      this.droppedLate += 1;
      return;
    }
    const key = edgeKeyOf(edge);
    const known = this.edges.get(key);
    if (known) {
      known.lastSecond = Math.max(known.lastSecond, second);
    } else {
      this.edges.set(key, { edge: { ...edge }, lastSecond: second });
    }
    let perEdge = this.seconds.get(second);
    if (!perEdge) {
      perEdge = new Map();
      this.seconds.set(second, perEdge);
    }
    let bucket = perEdge.get(key);
    if (!bucket) {
      bucket = new SecondBucket(key);
      perEdge.set(key, bucket);
    }

    bucket.requests += 1;
    if (outcome.responseCode === 0 || outcome.responseCode >= 500) bucket.errors += 1;
    bucket.countOutcome(outcome.responseCode, outcome.responseFlags);
    if (outcome.arrived) {
      bucket.arrived += 1;
      bucket.latencySum += outcome.durationMs;
      // Algorithm R: every arrived request of this second has the same chance to be among the kept samples.
      if (bucket.samples.length < this.maxSamples) {
        bucket.samples.push(outcome.durationMs);
      } else {
        const slot = Math.floor(this.random() * bucket.arrived);
        if (slot < this.maxSamples) bucket.samples[slot] = outcome.durationMs;
      }
    }
  }

  /** The truth over the last `windowSeconds` complete seconds before `nowMs` (which also advances eviction). */
  report(windowSeconds: number, nowMs: number): TruthReport {
    positiveInteger(windowSeconds, 'windowSeconds');
    if (windowSeconds > this.maxWindowSeconds) {
      throw new RangeError(`windowSeconds must be <= ${this.maxWindowSeconds}, got ${windowSeconds}`);
    }
    if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be finite, got ${nowMs}`);
    const nowSecond = Math.floor(nowMs / 1000);
    this.advance(nowSecond);
    const fromSecond = nowSecond - windowSeconds;

    const aggregates = new Map<string, EdgeAggregate>();
    for (let s = fromSecond; s < nowSecond; s++) {
      const perEdge = this.seconds.get(s);
      if (!perEdge) continue;
      for (const [key, b] of perEdge) {
        let a = aggregates.get(key);
        if (!a) {
          a = { requests: 0, arrived: 0, errors: 0, latencySum: 0, codes: new Map(), flags: new Map(), sampleSets: [], sampleCount: 0 };
          aggregates.set(key, a);
        }
        a.requests += b.requests;
        a.arrived += b.arrived;
        a.errors += b.errors;
        a.latencySum += b.latencySum;
        for (let i = 0; i < b.outcomeCodes.length; i++) {
          const count = b.outcomeCounts[i] as number;
          const code = String(b.outcomeCodes[i]);
          const flags = b.outcomeFlags[i] as string;
          a.codes.set(code, (a.codes.get(code) ?? 0) + count);
          a.flags.set(flags, (a.flags.get(flags) ?? 0) + count);
        }
        if (b.samples.length > 0) {
          a.sampleSets.push({ samples: b.samples, weight: b.arrived / b.samples.length });
          a.sampleCount += b.samples.length;
        }
      }
    }

    const edges: EdgeTruth[] = [];
    const workloads = new Map<string, WorkloadTruth>();
    for (const key of [...aggregates.keys()].sort()) {
      const a = aggregates.get(key) as EdgeAggregate;
      const edge = (this.edges.get(key) as { edge: TruthEdge }).edge;
      let latencyMs: LatencyTruth | null = null;
      if (a.arrived > 0) {
        const [p50, p95, p99] = weightedQuantiles(a.sampleSets, QUANTILES) as [number, number, number];
        latencyMs = { p50, p95, p99, mean: a.latencySum / a.arrived };
      }
      edges.push({
        ...edge,
        requests: a.requests,
        arrived: a.arrived,
        ratePerSecond: a.requests / windowSeconds,
        arrivedRatePerSecond: a.arrived / windowSeconds,
        errorShare: a.errors / a.requests,
        responseCodes: sortedRecord(a.codes),
        responseFlags: sortedRecord(a.flags),
        latencyMs,
        latencySamples: a.sampleCount,
      });
      const wKey = `${edge.destinationNamespace}\u0000${edge.destinationWorkload}`;
      const w = workloads.get(wKey) ?? {
        namespace: edge.destinationNamespace,
        workload: edge.destinationWorkload,
        inboundRequests: 0,
        inboundRatePerSecond: 0,
      };
      w.inboundRequests += a.arrived;
      w.inboundRatePerSecond = w.inboundRequests / windowSeconds;
      workloads.set(wKey, w);
    }

    return {
      windowSeconds,
      fromMs: fromSecond * 1000,
      toMs: nowSecond * 1000,
      edges,
      workloads: [...workloads.values()].sort((x, y) => cmp(x.namespace, y.namespace) || cmp(x.workload, y.workload)),
      droppedLateRecords: this.droppedLate,
    };
  }

  /** Seconds currently held (for tests of the memory bound). */
  retainedSeconds(): number[] {
    return [...this.seconds.keys()].sort((a, b) => a - b);
  }

  private advance(second: number): void {
    if (second <= this.latestSecond) return;
    this.latestSecond = second;
    // Keep the current second plus maxWindowSeconds complete ones: the longest window a report can ask for.
    const cutoff = second - this.maxWindowSeconds;
    for (const s of this.seconds.keys()) if (s < cutoff) this.seconds.delete(s);
    for (const [key, e] of this.edges) if (e.lastSecond < cutoff) this.edges.delete(key);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedRecord(m: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => cmp(a, b)));
}
