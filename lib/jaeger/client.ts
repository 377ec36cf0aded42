import 'server-only';
import { z } from 'zod';
import { appConfig } from '../config/env';
import { UpstreamError } from '../errors';
import { callUpstream } from '../upstream-call';

const servicesResponse = z.object({ services: z.array(z.string()).nullish() });

function jaegerUrl(): string {
  const setting = appConfig().jaeger;
  if (!setting.configured) throw new UpstreamError('jaeger', 'not_configured', setting.reason);
  return setting.value.url;
}

async function get(path: string): Promise<Response> {
  const base = jaegerUrl();
  const timeoutMs = appConfig().upstreamTimeoutMs;
  return callUpstream('jaeger', timeoutMs, async () => {
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    if (!res.ok) throw new UpstreamError('jaeger', 'upstream_unavailable', `${path} answered HTTP ${res.status}`);
    return res;
  });
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
