import 'server-only';
import { PrometheusDriver } from 'prometheus-query';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { appConfig } from '../config/env';
import { UpstreamError } from '../errors';
import { createQueryGuard, queryKey, type QueryGuard } from '../resilience/query-guard';
import {
  PROMETHEUS_CACHE_MAX_ENTRIES,
  PROMETHEUS_CACHE_TTL_MS,
  PROMETHEUS_MAX_CONCURRENT_QUERIES,
  PROMETHEUS_MAX_QUEUED_QUERIES,
} from '../resilience/settings';
import { telemetry } from '../telemetry/instruments';
import { processSingleton } from '../telemetry/process-singleton';
import { callUpstream } from '../upstream-call';
import { readInstantResult, readRangeResult, type InstantSample, type RangeSeries } from './results';

export type { InstantSample, RangeSeries };

const buildInfo = z.object({ version: z.string() });

const configStatus = z.object({ yaml: z.string() });
const configYaml = z.object({ global: z.object({ scrape_interval: z.string() }).partial().optional() });

let driver: PrometheusDriver | undefined;

function settings() {
  const setting = appConfig().prometheus;
  if (!setting.configured) throw new UpstreamError('prometheus', 'not_configured', setting.reason);
  return setting.value;
}

const prometheusUrl = (): string => settings().url;

function prometheus(): PrometheusDriver {
  const { url, bearerToken, basicAuth } = settings();
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

function createGuard(): QueryGuard {
  const metrics = telemetry();
  return createQueryGuard({
    ttlMs: PROMETHEUS_CACHE_TTL_MS,
    maxEntries: PROMETHEUS_CACHE_MAX_ENTRIES,
    maxConcurrent: PROMETHEUS_MAX_CONCURRENT_QUERIES,
    maxQueue: PROMETHEUS_MAX_QUEUED_QUERIES,
    overloaded: () =>
      new UpstreamError('prometheus', 'upstream_unavailable', `too many queries waiting (${PROMETHEUS_MAX_QUEUED_QUERIES}); try again shortly`),
    onOverload: () => metrics.overloadRejections.inc({}),
    onSource: (source) => {
      if (source === 'hit') metrics.cacheHits.inc({});
      else if (source === 'shared') metrics.coalescedCalls.inc({});
      else metrics.cacheMisses.inc({});
    },
  });
}

// Shared by every request in the process: the point is that 20 viewers of one graph cost one set of queries. Keyed
// by the server, so answers from one Prometheus are never served for another.
const guard = (): QueryGuard => processSingleton(`prometheus-query-guard ${prometheusUrl()}`, createGuard);

/**
 * Runs an instant query; `promql` must come from the typed builder in lib/promql. Without `time` the answer may
 * be up to PROMETHEUS_CACHE_TTL_MS old, and it is shared with other callers: do not mutate it.
 */
export async function instantQuery(promql: string, time?: Date): Promise<InstantSample[]> {
  const key = queryKey('instant', promql, time ? { time } : {}, Date.now(), PROMETHEUS_CACHE_TTL_MS);
  return guard().run(key, async () => {
    const raw = await withPrometheus((p) => p.instantQuery(promql, time));
    const samples = readInstantResult(raw);
    if (!samples) throw new UpstreamError('prometheus', 'upstream_unavailable', 'unexpected query response');
    return samples;
  });
}

/**
 * Runs a range query from `start` to `end` every `stepSeconds`; `promql` must come from the typed builder in
 * lib/promql. Instants where a series had no value are simply absent from its `values`, as Prometheus returns them.
 * The answer is shared with callers asking the same within a few seconds: do not mutate it.
 */
export async function rangeQuery(promql: string, start: Date, end: Date, stepSeconds: number): Promise<RangeSeries[]> {
  const key = queryKey('range', promql, { start, end, stepSeconds }, Date.now(), PROMETHEUS_CACHE_TTL_MS);
  return guard().run(key, async () => {
    const raw = await withPrometheus((p) => p.rangeQuery(promql, start, end, stepSeconds));
    const series = readRangeResult(raw);
    if (!series) throw new UpstreamError('prometheus', 'upstream_unavailable', 'unexpected range query response');
    return series;
  });
}

/**
 * The server's global `scrape_interval` as written in its loaded configuration (`15s`, `1m`), from
 * `/api/v1/status/config`; undefined when the configuration does not say. Prometheus-compatible stores without
 * that endpoint answer with an UpstreamError, like any other failure.
 */
export async function globalScrapeInterval(): Promise<string | undefined> {
  const raw = await withPrometheus((p) => p.status());
  const parsed = configStatus.safeParse(raw);
  if (!parsed.success) throw new UpstreamError('prometheus', 'upstream_unavailable', 'unexpected config response');
  let config: unknown;
  try {
    config = parseYaml(parsed.data.yaml);
  } catch {
    throw new UpstreamError('prometheus', 'upstream_unavailable', 'unreadable configuration YAML');
  }
  const global = configYaml.safeParse(config);
  return global.success ? global.data.global?.scrape_interval : undefined;
}

/** Prometheus' own version, from `/api/v1/status/buildinfo`. */
export async function prometheusVersion(): Promise<string> {
  const raw = await withPrometheus((p) => p.statusBuildinfo());
  const parsed = buildInfo.safeParse(raw);
  if (!parsed.success) throw new UpstreamError('prometheus', 'upstream_unavailable', 'unexpected buildinfo response');
  return parsed.data.version;
}
