import 'server-only';
import { PrometheusDriver } from 'prometheus-query';
import { z } from 'zod';
import { appConfig } from '../config/env';
import { UpstreamError } from '../errors';
import { callUpstream } from '../upstream-call';

/** One series of an instant-query result. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
  timestamp: number;
}

const instantResult = z.object({
  resultType: z.literal('vector'),
  result: z.array(
    z.object({
      metric: z.object({ labels: z.record(z.string(), z.string()) }),
      value: z.object({ time: z.date(), value: z.number() }),
    }),
  ),
});

const buildInfo = z.object({ version: z.string() });

let driver: PrometheusDriver | undefined;

function prometheus(): PrometheusDriver {
  const setting = appConfig().prometheus;
  if (!setting.configured) throw new UpstreamError('prometheus', 'not_configured', setting.reason);
  const { url, bearerToken, basicAuth } = setting.value;
  driver ??= new PrometheusDriver({
    endpoint: url,
    baseURL: '/api/v1',
    timeout: appConfig().upstreamTimeoutMs,
    preferPost: true,
    ...(bearerToken ? { headers: { Authorization: `Bearer ${bearerToken}` } } : {}),
    ...(basicAuth ? { auth: basicAuth } : {}),
  });
  return driver;
}

function withPrometheus<T>(call: (p: PrometheusDriver) => Promise<T>): Promise<T> {
  const p = prometheus();
  return callUpstream('prometheus', appConfig().upstreamTimeoutMs, () => call(p));
}

/** Runs an instant query; `promql` must come from the typed builder in lib/promql. */
export async function instantQuery(promql: string, time?: Date): Promise<InstantSample[]> {
  const raw = await withPrometheus((p) => p.instantQuery(promql, time));
  const parsed = instantResult.safeParse(raw);
  if (!parsed.success) throw new UpstreamError('prometheus', 'upstream_unavailable', 'unexpected query response');
  return parsed.data.result.map((s) => ({
    labels: s.metric.labels,
    value: s.value.value,
    timestamp: s.value.time.getTime(),
  }));
}

/** Prometheus' own version, from `/api/v1/status/buildinfo`. */
export async function prometheusVersion(): Promise<string> {
  const raw = await withPrometheus((p) => p.statusBuildinfo());
  const parsed = buildInfo.safeParse(raw);
  if (!parsed.success) throw new UpstreamError('prometheus', 'upstream_unavailable', 'unexpected buildinfo response');
  return parsed.data.version;
}
