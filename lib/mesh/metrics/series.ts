// Maps Prometheus matrix results onto the response's series: one point per grid instant, null where Prometheus
// returned nothing. Pure.

import type { MetricsParams } from './params';
import { versionLabels, type QueryName } from './queries';
import type { TimeGrid } from './step';
import type { GoldenSignals, Metric, MetricName, MetricUnit, Point, Series } from './types';

/** One series of a range-query result: its labels and `[unixSeconds, value]` samples. */
export interface MatrixSeries {
  labels: Record<string, string>;
  values: readonly (readonly [t: number, value: number])[];
}

/** Every query's result, by query name. */
export type MetricsResults = Record<QueryName, readonly MatrixSeries[]>;

const CLASS_ORDER = ['1xx', '2xx', '3xx', '4xx', '5xx', 'no response', 'other'];

/** Places samples on the grid; instants without a sample, and NaN or infinite values (0 ÷ 0), stay null. */
export function toPoints(values: MatrixSeries['values'], grid: TimeGrid): Point[] {
  const points: Point[] = Array.from({ length: grid.count }, (_, i) => [grid.start + i * grid.step, null]);
  for (const [t, v] of values) {
    // Prometheus stamps samples at the evaluation instants, in milliseconds; rounding absorbs float noise.
    const i = Math.round((t - grid.start) / grid.step);
    const point = points[i];
    if (point && Number.isFinite(v)) point[1] = v;
  }
  return points;
}

/** Adds series point by point; an instant is null only when every series is null there. */
export function sumPoints(series: readonly Point[][], grid: TimeGrid): Point[] {
  return Array.from({ length: grid.count }, (_, i): Point => {
    let total: number | null = null;
    for (const s of series) {
      const v = s[i]?.[1];
      if (v !== null && v !== undefined) total = (total ?? 0) + v;
    }
    return [grid.start + i * grid.step, total];
  });
}

/** The response-code class of an Istio `response_code`: `2xx`…`5xx`, `no response` for 0, `other` for the odd one. */
export function codeClass(code: string | undefined): string {
  if (code === '0') return 'no response';
  if (code !== undefined && /^[1-5]\d\d$/.test(code)) return `${code[0]}xx`;
  return 'other';
}

/** Whether requests with these labels failed: 5xx, no response, or a gRPC status 1–16 (the graph's rule, DESIGN §5). */
export function isFailure(labels: Record<string, string>): boolean {
  const code = labels.response_code ?? '';
  if (code === '0' || /^5\d\d$/.test(code)) return true;
  const grpc = labels.grpc_response_status ?? '';
  return labels.request_protocol === 'grpc' && grpc !== '' && grpc !== '0';
}

/** The version a series belongs to: display text and labels (`v2`, or `reviews v2` when split by peer). */
interface VersionPart {
  text: string;
  labels: Record<string, string>;
}

function versionOf(labels: Record<string, string>, split: readonly string[]): VersionPart {
  if (split.length === 0) return { text: '', labels: {} };
  const value = (name: string | undefined) => (name === undefined ? '' : labels[name] || 'unknown');
  const version = value(split.at(-1));
  if (split.length === 1) return { text: version, labels: { version } };
  const peer = value(split[0]);
  return { text: `${peer} ${version}`, labels: { peer, version } };
}

/** Matrix series grouped by version, versions in natural order (`v2` before `v10`); one group when not split. */
function byVersion(matrix: readonly MatrixSeries[], split: readonly string[]): { version: VersionPart; members: MatrixSeries[] }[] {
  const groups = new Map<string, { version: VersionPart; members: MatrixSeries[] }>();
  for (const s of matrix) {
    const version = versionOf(s.labels, split);
    const g = groups.get(version.text) ?? { version, members: [] };
    g.members.push(s);
    groups.set(version.text, g);
  }
  return [...groups.values()].sort((a, b) => a.version.text.localeCompare(b.version.text, 'en', { numeric: true }));
}

function series(version: VersionPart, key: string, part: string, points: Point[]): Series {
  return { name: [version.text, part].filter(Boolean).join(' · '), labels: { ...version.labels, [key]: part }, points };
}

function summed(members: readonly MatrixSeries[], grid: TimeGrid): Point[] {
  const [only, ...rest] = members;
  if (only && rest.length === 0) return toPoints(only.values, grid);
  return sumPoints(members.map((m) => toPoints(m.values, grid)), grid);
}

/** Request rate by response-code class, per version; classes in order 1xx…5xx, `no response`, `other`. */
export function requestRateSeries(matrix: readonly MatrixSeries[], grid: TimeGrid, split: readonly string[]): Series[] {
  return byVersion(matrix, split).flatMap(({ version, members }) =>
    CLASS_ORDER.flatMap((cls) => {
      const inClass = members.filter((m) => codeClass(m.labels.response_code) === cls);
      return inClass.length === 0 ? [] : [series(version, 'class', cls, summed(inClass, grid))];
    }),
  );
}

/**
 * Share of requests that failed, per version. Null where no requests were counted and where the rate was 0:
 * with no requests there is no error rate, and a 0 % there would read as "all good".
 */
export function errorRateSeries(matrix: readonly MatrixSeries[], grid: TimeGrid, split: readonly string[]): Series[] {
  return byVersion(matrix, split).map(({ version, members }) => {
    const total = summed(members, grid);
    const failed = sumPoints(members.filter((m) => isFailure(m.labels)).map((m) => toPoints(m.values, grid)), grid);
    const points = total.map(([t, all], i): Point => (all === null || all <= 0 ? [t, null] : [t, (failed[i]?.[1] ?? 0) / all]));
    return series(version, 'class', 'errors', points);
  });
}

/** One series per version of a single-valued query, its part named `part` under `key` (`quantile: p95`…). */
export function partSeries(matrix: readonly MatrixSeries[], grid: TimeGrid, split: readonly string[], key: string, part: string): Series[] {
  return byVersion(matrix, split).map(({ version, members }) => series(version, key, part, summed(members, grid)));
}

function metric(unit: MetricUnit, series: Series[]): Metric {
  return { unit, series };
}

/** The response: every query's matrix mapped onto the grid and grouped into the seven golden-signal metrics. */
export function goldenSignals(p: MetricsParams, grid: TimeGrid, rateWindow: number, r: MetricsResults): GoldenSignals {
  const split = p.byVersion ? versionLabels(p) : [];
  const latency = [
    ...(['p50', 'p95', 'p99'] as const).flatMap((q) => partSeries(r[q], grid, split, 'quantile', q)),
    ...partSeries(r.latencyAvg, grid, split, 'quantile', 'avg'),
  ];
  const metrics: Record<MetricName, Metric> = {
    requestRate: metric('rps', requestRateSeries(r.requests, grid, split)),
    errorRate: metric('percent', errorRateSeries(r.requests, grid, split)),
    latency: metric('ms', byVersionFirst(latency)),
    requestSize: metric('bytes', partSeries(r.requestSize, grid, split, 'stat', 'avg')),
    responseSize: metric('bytes', partSeries(r.responseSize, grid, split, 'stat', 'avg')),
    tcpSent: metric('Bps', partSeries(r.tcpSent, grid, split, 'direction', 'sent')),
    tcpReceived: metric('Bps', partSeries(r.tcpReceived, grid, split, 'direction', 'received')),
  };
  return {
    namespace: p.namespace,
    kind: p.kind,
    name: p.name,
    direction: p.direction,
    ...(p.peer ? { peer: p.peer } : {}),
    byVersion: p.byVersion,
    start: grid.start,
    end: grid.end,
    step: grid.step,
    rateWindow,
    metrics,
  };
}

/** Orders series by version, keeping their order within a version, so each version's lines sit together in a legend. */
function byVersionFirst(list: Series[]): Series[] {
  const version = (s: Series) => `${s.labels.peer ?? ''} ${s.labels.version ?? ''}`;
  return [...list].sort((a, b) => version(a).localeCompare(version(b), 'en', { numeric: true }));
}
