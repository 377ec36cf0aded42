// The golden-signal metrics of one service, workload or app as the API returns them (DESIGN §4). Pure types.

export const METRIC_KINDS = ['services', 'workloads', 'apps'] as const;
/** What the metrics are about; the path segment `{kind}` of the route. */
export type MetricKind = (typeof METRIC_KINDS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
/** Inbound: traffic the entity received (read from `reporter="destination"`); outbound: traffic it sent (`"source"`). */
export type Direction = (typeof DIRECTIONS)[number];

/**
 * How a series' values read. `percent` values are shares from 0 to 1 (like the graph's `errorRate`), drawn as %;
 * `bytes` is a size, `Bps` bytes per second, `rps` requests per second, `ms` milliseconds.
 */
export type MetricUnit = 'rps' | 'percent' | 'ms' | 'bytes' | 'Bps';

/** One sample: Unix seconds and the value, or null where Prometheus had no data (a gap, never a zero). */
export type Point = [t: number, value: number | null];

/** One line of a chart. */
export interface Series {
  /** Display name, unique within its metric: `2xx`, `p95`, `v2 · 5xx`, `reviews v2 · p99`. */
  name: string;
  /**
   * What tells the series apart, for a UI that regroups them: `class` (a response-code class, or `errors`),
   * `quantile` (`p50`, `p95`, `p99`, `avg`), `stat` (`avg`), `direction` (`sent`, `received`), and with
   * `byVersion` also `version` and `peer` (the other side's canonical service when splitting by its version).
   */
  labels: Record<string, string>;
  /** One point per step, from `start` to `end` of the response. */
  points: Point[];
}

/** One chart's worth of series, all in one unit. */
export interface Metric {
  unit: MetricUnit;
  series: Series[];
}

export const METRIC_NAMES = ['requestRate', 'errorRate', 'latency', 'requestSize', 'responseSize', 'tcpSent', 'tcpReceived'] as const;
/**
 * - `requestRate`: requests per second by response-code class (`1xx`–`5xx`, `no response` for code 0)
 * - `errorRate`: share of requests that failed (5xx, no response, gRPC status 1–16), as the graph counts errors
 * - `latency`: `p50`, `p95`, `p99` from the duration histogram, and the exact mean `avg`
 * - `requestSize`, `responseSize`: mean HTTP body size per request (histogram sum ÷ count)
 * - `tcpSent`, `tcpReceived`: TCP bytes per second, named from the reporting proxy's point of view
 */
export type MetricName = (typeof METRIC_NAMES)[number];

/** The other side of the traffic, when the metrics are restricted to one peer. */
export interface Peer {
  namespace: string;
  kind: MetricKind;
  name: string;
}

/** The response of `GET /api/namespaces/{ns}/{kind}/{name}/metrics`. */
export interface GoldenSignals {
  namespace: string;
  kind: MetricKind;
  name: string;
  direction: Direction;
  peer?: Peer;
  /** Whether every series is split by version (see lib/mesh/metrics/queries.ts for which side's version). */
  byVersion: boolean;
  /** Unix seconds of the first and last point. */
  start: number;
  end: number;
  /** Seconds between points. */
  step: number;
  /** Seconds each rate and quantile is computed over, ending at its point. */
  rateWindow: number;
  metrics: Record<MetricName, Metric>;
}
