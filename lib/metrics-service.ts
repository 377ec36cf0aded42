import 'server-only';
import { UpstreamError } from './errors';
import type { MetricsParams } from './mesh/metrics/params';
import { metricsQueries, type QueryName } from './mesh/metrics/queries';
import { goldenSignals, type MetricsResults } from './mesh/metrics/series';
import { autoStep, rateWindowSeconds, scrapeIntervalOf, timeGrid } from './mesh/metrics/step';
import type { GoldenSignals } from './mesh/metrics/types';
import { render } from './promql';
import { globalScrapeInterval, rangeQuery } from './prometheus/client';

// Prometheus' configuration changes rarely; asking once in a while keeps it off every chart request.
const KNOWN_TTL_MS = 5 * 60_000;
// A guessed interval is retried sooner, in case the lookup failed only because Prometheus was briefly away.
const GUESSED_TTL_MS = 30_000;

let scrapeInterval: { seconds: number; until: number } | undefined;

async function lookUpScrapeInterval(): Promise<{ seconds: number; known: boolean }> {
  try {
    return scrapeIntervalOf(await globalScrapeInterval());
  } catch (err) {
    // A store without the config endpoint answers like an unavailable server; the range queries that follow will
    // tell a real outage apart. A timeout or a missing configuration would only repeat there, so it ends here.
    if (err instanceof UpstreamError && err.code === 'upstream_unavailable') return scrapeIntervalOf(undefined);
    throw err;
  }
}

/** Prometheus' global scrape interval in seconds, read from its configuration and cached for a few minutes. */
export async function scrapeIntervalSeconds(nowMs: number = Date.now()): Promise<number> {
  if (scrapeInterval && scrapeInterval.until > nowMs) return scrapeInterval.seconds;
  const { seconds, known } = await lookUpScrapeInterval();
  scrapeInterval = { seconds, until: nowMs + (known ? KNOWN_TTL_MS : GUESSED_TTL_MS) };
  return seconds;
}

/** Runs a metrics request's range queries concurrently on Prometheus and maps them into golden-signal series. */
export async function fetchMetrics(params: MetricsParams, nowSeconds: number): Promise<GoldenSignals> {
  const scrape = await scrapeIntervalSeconds();
  const step = params.step ?? autoStep(params.duration, scrape);
  const grid = timeGrid(params.queryTime ?? nowSeconds, params.duration, step);
  const window = rateWindowSeconds(step, scrape);
  const queries = metricsQueries(params, window);
  const start = new Date(grid.start * 1000);
  const end = new Date(grid.end * 1000);
  const run = (name: QueryName) => rangeQuery(render(queries[name]), start, end, step);
  const [requests, p50, p95, p99, latencyAvg, requestSize, responseSize, tcpSent, tcpReceived] = await Promise.all([
    run('requests'),
    run('p50'),
    run('p95'),
    run('p99'),
    run('latencyAvg'),
    run('requestSize'),
    run('responseSize'),
    run('tcpSent'),
    run('tcpReceived'),
  ]);
  const results: MetricsResults = { requests, p50, p95, p99, latencyAvg, requestSize, responseSize, tcpSent, tcpReceived };
  return goldenSignals(params, grid, window, results);
}
