import { BadRequestError } from '../../errors';
import { formatGoDuration, parseGoDuration } from './duration';

/** A validated trace search, as `GET /api/traces` takes it. */
export interface TraceSearchParams {
  service: string;
  operation?: string;
  /** Attribute filters; a trace matches when one span carries all of them. */
  tags: Record<string, string>;
  /** Unix microseconds, inclusive bounds of the spans' start times. */
  startUs: number;
  endUs: number;
  /** Bounds of a span's duration, in nanoseconds (Go's unit, which Jaeger reads). */
  minDurationNs?: number;
  maxDurationNs?: number;
  limit: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1500;
const DEFAULT_LOOKBACK_NS = 3600e9;
const MAX_TEXT = 1024;

function text(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name)?.trim();
  if (v === undefined || v === '') return undefined;
  if (v.length > MAX_TEXT) throw new BadRequestError(name, `at most ${MAX_TEXT} characters`);
  return v;
}

// Unix microseconds, Jaeger's own unit for start/end in its search URLs, so links copied from Jaeger keep working.
function micros(params: URLSearchParams, name: string): number | undefined {
  const v = text(params, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n)) throw new BadRequestError(name, `must be a Unix time in microseconds, got "${v.slice(0, 40)}"`);
  return n;
}

function duration(params: URLSearchParams, name: string): number | undefined {
  const v = text(params, name);
  if (v === undefined) return undefined;
  const ns = parseGoDuration(v);
  if (ns === undefined) throw new BadRequestError(name, `must be a duration such as 100ms, 1.5s or 2m, got "${v.slice(0, 40)}"`);
  return ns;
}

function tagValue(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * Tags as `key=value`, repeated (`tags=a=1&tags=b=2`) or comma-separated (`tags=a=1,b=2`); a value holding a comma
 * or `=` can be given as a JSON object (`tags={"k":"v,w"}`), the form Jaeger's UI puts in its URLs.
 */
function tags(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of params.getAll('tags')) {
    if (raw.length > MAX_TEXT) throw new BadRequestError('tags', `at most ${MAX_TEXT} characters`);
    if (raw.trim().startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new BadRequestError('tags', 'is not a valid JSON object');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadRequestError('tags', 'must be a JSON object');
      for (const [k, v] of Object.entries(parsed)) {
        const value = tagValue(v);
        if (k === '' || value === undefined) throw new BadRequestError('tags', `"${k.slice(0, 40)}" needs a string, number or boolean value`);
        out[k] = value;
      }
      continue;
    }
    for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new BadRequestError('tags', `"${pair.slice(0, 40)}" must be key=value`);
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return out;
}

/** Validates the trace-search query string; a bad value throws a BadRequestError naming the parameter. */
export function parseTraceSearchParams(params: URLSearchParams, nowUs: number): TraceSearchParams {
  const service = text(params, 'service');
  if (service === undefined) throw new BadRequestError('service', 'give the service to search, e.g. service=productpage.bookinfo');
  const operation = text(params, 'operation');

  const end = micros(params, 'end') ?? nowUs;
  const start = micros(params, 'start');
  const lookbackText = text(params, 'lookback');
  if (start !== undefined && lookbackText !== undefined) throw new BadRequestError('lookback', 'give either start or lookback, not both');
  let startUs: number;
  if (start !== undefined) startUs = start;
  else {
    const lookbackNs = lookbackText === undefined ? DEFAULT_LOOKBACK_NS : parseGoDuration(lookbackText, true);
    if (lookbackNs === undefined || lookbackNs <= 0) throw new BadRequestError('lookback', `must be a duration such as 15m, 1h or 2d, got "${(lookbackText ?? '').slice(0, 40)}"`);
    startUs = end - Math.round(lookbackNs / 1000);
  }
  if (end < startUs) throw new BadRequestError('end', 'must not be before start');

  const minDurationNs = duration(params, 'minDuration');
  const maxDurationNs = duration(params, 'maxDuration');
  if (minDurationNs !== undefined && maxDurationNs !== undefined && minDurationNs > maxDurationNs) {
    throw new BadRequestError('minDuration', 'must not be greater than maxDuration');
  }

  const limitText = text(params, 'limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new BadRequestError('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);

  return {
    service,
    ...(operation !== undefined ? { operation } : {}),
    tags: tags(params),
    startUs: Math.max(0, startUs),
    endUs: end,
    ...(minDurationNs !== undefined ? { minDurationNs } : {}),
    ...(maxDurationNs !== undefined ? { maxDurationNs } : {}),
    limit,
  };
}

/** Unix microseconds → RFC 3339 with all six fractional digits, which Jaeger parses as RFC3339Nano. */
export function rfc3339Micros(us: number): string {
  const seconds = Math.floor(us / 1e6);
  const fraction = String(us - seconds * 1e6).padStart(6, '0');
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}

/**
 * The query string of Jaeger's `GET /api/v3/traces`. It uses the snake_case names (and `query.num_traces`) that
 * Jaeger v1.x reads and later versions still accept as aliases of their camelCase names. `searchDepth` lets the
 * caller ask for more traces than it will show, when it filters some out itself.
 */
export function apiV3SearchQuery(p: TraceSearchParams, searchDepth = p.limit): URLSearchParams {
  const q = new URLSearchParams();
  q.set('query.service_name', p.service);
  if (p.operation !== undefined) q.set('query.operation_name', p.operation);
  if (Object.keys(p.tags).length > 0) q.set('query.attributes', JSON.stringify(p.tags));
  q.set('query.start_time_min', rfc3339Micros(p.startUs));
  q.set('query.start_time_max', rfc3339Micros(p.endUs));
  if (p.minDurationNs !== undefined) q.set('query.duration_min', formatGoDuration(p.minDurationNs));
  if (p.maxDurationNs !== undefined) q.set('query.duration_max', formatGoDuration(p.maxDurationNs));
  q.set('query.num_traces', String(searchDepth));
  return q;
}

/** A trace id from a URL path: 16 or 32 hex digits, returned in lower case; anything else is a 400 naming `traceId`. */
export function parseTraceId(raw: string): string {
  if (!/^(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{32})$/.test(raw)) throw new BadRequestError('traceId', 'must be 16 or 32 hex digits');
  return raw.toLowerCase();
}

/** A service name from a URL path: non-empty text of at most 1024 characters. */
export function parseServiceName(raw: string): string {
  const service = raw.trim();
  if (service === '') throw new BadRequestError('service', 'must not be empty');
  if (service.length > MAX_TEXT) throw new BadRequestError('service', `at most ${MAX_TEXT} characters`);
  return service;
}
