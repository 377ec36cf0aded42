import 'server-only';
import { z } from 'zod';
import { appConfig } from '../config/env';
import { AppError, UpstreamError } from '../errors';
import { apiV3TracesResponse, type OtlpTracesData } from '../mesh/traces/otlp';
import type { TraceOperation } from '../mesh/traces/types';
import { callUpstream } from '../upstream-call';

const servicesResponse = z.object({ services: z.array(z.string()).nullish() });
const operationsResponse = z.object({
  operations: z.array(z.object({ name: z.string(), spanKind: z.string().optional() })).nullish(),
});

function jaegerUrl(): string {
  const setting = appConfig().jaeger;
  if (!setting.configured) throw new UpstreamError('jaeger', 'not_configured', setting.reason);
  return setting.value.url;
}

/**
 * Jaeger answered with an error status. The status rides along so the breaker can tell a refused query (4xx, about
 * the request) from a failing Jaeger (5xx).
 */
function answeredError(path: string, status: number): UpstreamError {
  return Object.assign(new UpstreamError('jaeger', 'upstream_unavailable', `${path} answered HTTP ${status}`), { httpStatus: status });
}

async function get(path: string): Promise<Response> {
  const base = jaegerUrl();
  const timeoutMs = appConfig().upstreamTimeoutMs;
  return callUpstream('jaeger', timeoutMs, async () => {
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    if (!res.ok) throw answeredError(path, res.status);
    return res;
  });
}

// Like get, but a 404 comes back as undefined: api/v3 answers 404 "No traces found" for an empty search and for an
// unknown trace id, and neither is a failure of Jaeger.
async function getUnless404(path: string): Promise<Response | undefined> {
  const base = jaegerUrl();
  const timeoutMs = appConfig().upstreamTimeoutMs;
  return callUpstream('jaeger', timeoutMs, async () => {
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) throw answeredError(path.split('?')[0] ?? path, res.status);
    return res;
  });
}

async function parseTraces(res: Response, path: string): Promise<OtlpTracesData> {
  const parsed = apiV3TracesResponse.safeParse(await res.json());
  if (!parsed.success) throw new UpstreamError('jaeger', 'upstream_unavailable', `unexpected ${path} response`);
  return parsed.data.result;
}

/** Operations of one service (`GET /api/v3/operations?service=`), sorted by name then kind. */
export async function listTraceOperations(service: string): Promise<TraceOperation[]> {
  const res = await get(`/api/v3/operations?${new URLSearchParams({ service }).toString()}`);
  const parsed = operationsResponse.safeParse(await res.json());
  if (!parsed.success) throw new UpstreamError('jaeger', 'upstream_unavailable', 'unexpected /api/v3/operations response');
  return (parsed.data.operations ?? [])
    .map((o) => ({ name: o.name, spanKind: o.spanKind ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.spanKind.localeCompare(b.spanKind));
}

/** Traces matching an api/v3 search query (`GET /api/v3/traces?query.…`); none found is empty data, not an error. */
export async function findTraces(query: URLSearchParams): Promise<OtlpTracesData> {
  const res = await getUnless404(`/api/v3/traces?${query.toString()}`);
  return res === undefined ? { resourceSpans: [] } : parseTraces(res, '/api/v3/traces');
}

/** One trace by its hex id (`GET /api/v3/traces/{id}`); an unknown id throws a not_found AppError. */
export async function getTrace(traceId: string): Promise<OtlpTracesData> {
  const res = await getUnless404(`/api/v3/traces/${encodeURIComponent(traceId)}`);
  if (res === undefined) throw new AppError('not_found', `trace ${traceId} not found`);
  return parseTraces(res, '/api/v3/traces/{id}');
}

/** Service names known to the trace store (`GET /api/v3/services`). */
export async function listTraceServices(): Promise<string[]> {
  const parsed = servicesResponse.safeParse(await (await get('/api/v3/services')).json());
  if (!parsed.success) throw new UpstreamError('jaeger', 'upstream_unavailable', 'unexpected /api/v3/services response');
  return [...(parsed.data.services ?? [])].sort();
}

/** Jaeger's version as its UI page announces it, or `unknown` when the build did not record one. */
export async function jaegerVersion(): Promise<string> {
  const html = await (await get('/')).text();
  const match = /JAEGER_VERSION\s*=\s*(\{[^;]*\})\s*;/.exec(html);
  if (!match?.[1]) return 'unknown';
  const version = z.object({ gitVersion: z.string() }).safeParse(JSON.parse(match[1]));
  return version.success && version.data.gitVersion !== '' ? version.data.gitVersion : 'unknown';
}
