import { BadRequestError } from '../../errors';
import { isDns1123Label } from '../names';
import { GRAPH_TYPES, type GraphType } from './types';

/** A validated graph request, as the API and the page share it. */
export interface GraphParams {
  namespaces: string[];
  graphType: GraphType;
  /** Seconds of traffic to average over. */
  duration: number;
  /** Unix seconds of the moment to show; undefined means now. */
  queryTime?: number;
  idleEdges: boolean;
  serviceNodes: boolean;
  latency: boolean;
  throughput: boolean;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
export const MIN_DURATION = 60;
export const MAX_DURATION = 86400;
const MAX_NAMESPACES = 100;
const EDGE_LABELS = ['latency', 'throughput'] as const;

/** Reads `5m`, `1h`, `1d` or plain seconds; undefined when it is neither. */
export function parseDurationSeconds(text: string): number | undefined {
  const m = /^(\d{1,6})([smhd]?)$/.exec(text.trim());
  if (!m?.[1]) return undefined;
  return Number(m[1]) * (UNIT_SECONDS[m[2] || 's'] ?? 1);
}

function bool(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  if (v === null || v === '') return false;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new BadRequestError(name, `must be true or false, got "${v.slice(0, 40)}"`);
}

/** Validates the graph query string; a bad value throws a BadRequestError naming the parameter. */
export function parseGraphParams(params: URLSearchParams, nowSeconds: number): GraphParams {
  const rawNs = params.get('namespaces') ?? '';
  const namespaces = [...new Set(rawNs.split(',').map((n) => n.trim()).filter(Boolean))];
  if (namespaces.length === 0) throw new BadRequestError('namespaces', 'give at least one namespace, e.g. namespaces=bookinfo');
  if (namespaces.length > MAX_NAMESPACES) throw new BadRequestError('namespaces', `at most ${MAX_NAMESPACES} namespaces`);
  const bad = namespaces.find((n) => !isDns1123Label(n));
  if (bad !== undefined) throw new BadRequestError('namespaces', `"${bad.slice(0, 70)}" is not a valid namespace name (DNS-1123 label)`);

  const graphType = (params.get('graphType') ?? 'versionedApp') as GraphType;
  if (!GRAPH_TYPES.includes(graphType)) throw new BadRequestError('graphType', `must be one of ${GRAPH_TYPES.join(', ')}`);

  const duration = parseDurationSeconds(params.get('duration') ?? '300');
  if (duration === undefined || duration < MIN_DURATION || duration > MAX_DURATION) {
    throw new BadRequestError('duration', 'must be from 1m to 1d, as seconds (300) or with a unit (5m, 1h, 1d)');
  }

  let queryTime: number | undefined;
  const rawTime = params.get('queryTime');
  if (rawTime !== null && rawTime !== '') {
    queryTime = Number(rawTime);
    if (!Number.isInteger(queryTime) || queryTime <= 0) throw new BadRequestError('queryTime', 'must be a Unix time in whole seconds');
    if (queryTime > nowSeconds + 60) throw new BadRequestError('queryTime', 'must not be in the future');
  }

  const edgeLabels = (params.get('edgeLabels') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = edgeLabels.find((l) => !(EDGE_LABELS as readonly string[]).includes(l));
  if (unknown !== undefined) throw new BadRequestError('edgeLabels', `unknown label family "${unknown.slice(0, 40)}"; use ${EDGE_LABELS.join(', ')}`);

  return {
    namespaces,
    graphType,
    duration,
    ...(queryTime !== undefined ? { queryTime } : {}),
    idleEdges: bool(params, 'idleEdges'),
    serviceNodes: bool(params, 'serviceNodes'),
    latency: edgeLabels.includes('latency'),
    throughput: edgeLabels.includes('throughput'),
  };
}
