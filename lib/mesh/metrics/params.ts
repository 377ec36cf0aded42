import { BadRequestError } from '../../errors';
import { parseDurationSeconds } from '../graph/params';
import { isDns1123Label } from '../names';
import { MAX_POINTS, pointCount } from './step';
import { DIRECTIONS, METRIC_KINDS, type Direction, type MetricKind, type Peer } from './types';

/** A validated metrics request. */
export interface MetricsParams {
  namespace: string;
  kind: MetricKind;
  name: string;
  direction: Direction;
  /** Seconds of history to chart. */
  duration: number;
  /** Seconds between points; undefined lets the server choose from the duration. */
  step?: number;
  /** Unix seconds of the chart's end; undefined means now. */
  queryTime?: number;
  byVersion: boolean;
  peer?: Peer;
}

/** The route's path segments, as Next hands them over (already URL-decoded). */
export interface MetricsPath {
  namespace: string;
  kind: string;
  name: string;
}

/** Shortest and longest history a chart may cover, in seconds (1 minute, 7 days). */
export const MIN_METRICS_DURATION = 60;
export const MAX_METRICS_DURATION = 7 * 86_400;
const DEFAULT_DURATION = 600;

function quoted(value: string): string {
  return `"${value.slice(0, 70)}"`;
}

function dnsName(field: string, value: string, what: string): string {
  if (!isDns1123Label(value)) throw new BadRequestError(field, `${quoted(value)} is not a valid ${what} name (DNS-1123 label)`);
  return value;
}

function kindOf(field: string, value: string): MetricKind {
  if (!(METRIC_KINDS as readonly string[]).includes(value)) throw new BadRequestError(field, `must be one of ${METRIC_KINDS.join(', ')}`);
  return value as MetricKind;
}

function bool(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  if (v === null || v === '') return false;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new BadRequestError(name, `must be true or false, got ${quoted(v)}`);
}

function peerOf(params: URLSearchParams, direction: Direction): Peer | undefined {
  const fields = ['peerNamespace', 'peerKind', 'peerName'] as const;
  const given = fields.filter((f) => (params.get(f) ?? '') !== '');
  if (given.length === 0) return undefined;
  const missing = fields.find((f) => !given.includes(f));
  if (missing !== undefined) throw new BadRequestError(missing, 'peerNamespace, peerKind and peerName go together');
  const kind = kindOf('peerKind', params.get('peerKind') ?? '');
  // Istio labels a request's source by workload and canonical service only: no service ever sends.
  if (direction === 'inbound' && kind === 'services') throw new BadRequestError('peerKind', 'inbound traffic comes from apps or workloads, not services');
  return {
    namespace: dnsName('peerNamespace', params.get('peerNamespace') ?? '', 'namespace'),
    kind,
    name: dnsName('peerName', params.get('peerName') ?? '', 'peer'),
  };
}

function durationOf(params: URLSearchParams): number {
  const duration = parseDurationSeconds(params.get('duration') || String(DEFAULT_DURATION));
  if (duration === undefined || duration < MIN_METRICS_DURATION || duration > MAX_METRICS_DURATION) {
    throw new BadRequestError('duration', 'must be from 1m to 7d, as seconds (600) or with a unit (10m, 1h, 7d)');
  }
  return duration;
}

function stepOf(params: URLSearchParams, duration: number): number | undefined {
  const raw = params.get('step');
  if (raw === null || raw === '') return undefined;
  const step = parseDurationSeconds(raw);
  if (step === undefined || step < 1) throw new BadRequestError('step', 'must be a whole number of seconds (30) or a duration with a unit (30s, 5m)');
  if (step > duration) throw new BadRequestError('step', 'must not be longer than the duration');
  // Prometheus rejects the query beyond this; say so in our words, naming the field the user can change.
  if (pointCount(duration, step) - 1 > MAX_POINTS) {
    throw new BadRequestError('step', `gives more than ${MAX_POINTS} points over the duration; use at least ${Math.ceil(duration / MAX_POINTS)}s`);
  }
  return step;
}

function queryTimeOf(params: URLSearchParams, nowSeconds: number): number | undefined {
  const raw = params.get('queryTime');
  if (raw === null || raw === '') return undefined;
  const t = Number(raw);
  if (!Number.isInteger(t) || t <= 0) throw new BadRequestError('queryTime', 'must be a Unix time in whole seconds');
  if (t > nowSeconds + 60) throw new BadRequestError('queryTime', 'must not be in the future');
  return t;
}

/** Validates the route's path and query string; a bad value throws a BadRequestError naming the parameter. */
export function parseMetricsParams(path: MetricsPath, params: URLSearchParams, nowSeconds: number): MetricsParams {
  const namespace = dnsName('namespace', path.namespace, 'namespace');
  const kind = kindOf('kind', path.kind);
  const name = dnsName('name', path.name, kind.slice(0, -1));

  const rawDirection = params.get('direction') || 'inbound';
  if (!(DIRECTIONS as readonly string[]).includes(rawDirection)) throw new BadRequestError('direction', `must be one of ${DIRECTIONS.join(', ')}`);
  const direction = rawDirection as Direction;
  // A Kubernetes Service only receives; what its workloads send is their own outbound traffic.
  if (kind === 'services' && direction === 'outbound') throw new BadRequestError('direction', 'services only have inbound traffic; ask for the workloads or app instead');

  const duration = durationOf(params);
  const step = stepOf(params, duration);
  const queryTime = queryTimeOf(params, nowSeconds);
  const peer = peerOf(params, direction);
  return {
    namespace,
    kind,
    name,
    direction,
    duration,
    ...(step !== undefined ? { step } : {}),
    ...(queryTime !== undefined ? { queryTime } : {}),
    byVersion: bool(params, 'byVersion'),
    ...(peer ? { peer } : {}),
  };
}
