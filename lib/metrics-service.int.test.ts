import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually, groundTruth, quietWindowEnd, simulatorHistorySeconds } from '../lab/testing/lab-clients';
import type { TruthReport } from '../lab/simulator/ground-truth';
import type { GoldenSignals, Series } from './mesh/metrics/types';

/** Calls the real route handler with a fresh module graph, so configuration changes (and caches) start over. */
async function getMetrics(path: string, query = '', env: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    const { GET } = await import('../app/api/namespaces/[namespace]/[kind]/[name]/metrics/route');
    const [namespace = '', kind = '', name = ''] = path.split('/');
    const request = new Request(`http://console.test/api/namespaces/${path}/metrics?${query}`);
    const res = await GET(request, { params: Promise.resolve({ namespace, kind, name }) });
    return { status: res.status, body: await res.json() };
  } finally {
    vi.unstubAllEnvs();
  }
}

const values = (s: Series) => s.points.map(([, v]) => v);
const numbers = (s: Series) => values(s).filter((v): v is number => v !== null);

beforeAll(async () => {
  await eventually(simulatorHistorySeconds, (s) => s >= 130, 210_000, 5_000);
}, 220_000);

// Against the lab: what the metrics API charts for bookinfo's reviews, held loosely against the simulator's truth.
describe('GET /api/namespaces/{ns}/{kind}/{name}/metrics against the lab', () => {
  it('charts the reviews service\'s inbound request rate close to what the simulator sent', async () => {
    const at = await quietWindowEnd(140, 200_000);
    const { status, body } = await getMetrics('bookinfo/services/reviews', `direction=inbound&duration=2m&queryTime=${at}`);
    expect(status).toBe(200);
    const g = body as GoldenSignals;
    // The lab scrapes every 5 s: the step is one scrape, the window four (lib/mesh/metrics/step.ts).
    expect({ step: g.step, rateWindow: g.rateWindow, points: g.metrics.requestRate.series[0]?.points.length }).toEqual({ step: 5, rateWindow: 20, points: 25 });
    const ok = g.metrics.requestRate.series.find((s) => s.name === '2xx') as Series;
    expect(numbers(ok)).toHaveLength(25);
    // All classes together, point by point; a class with no sample at an instant adds nothing there.
    const total = ok.points.map((_, i) => g.metrics.requestRate.series.reduce((sum, s) => sum + (s.points[i]?.[1] ?? 0), 0));
    const charted = total.reduce((a, b) => a + b, 0) / total.length;
    // The points' windows together cover [start - window, end]; the truth is counted over the same seconds.
    const seconds = g.end - g.start + g.rateWindow;
    const truth = await groundTruth<TruthReport>(seconds, g.end * 1000);
    const reviews = truth.workloads.filter((w) => w.namespace === 'bookinfo' && w.workload.startsWith('reviews-'));
    expect(reviews.map((w) => w.workload).sort()).toEqual(['reviews-v1', 'reviews-v2', 'reviews-v3']);
    const truthRate = reviews.reduce((sum, w) => sum + w.inboundRatePerSecond, 0);
    expect(truthRate).toBeGreaterThan(1);
    // Loose for now: averaging rate() windows is not the same as counting over the span.
    expect(Math.abs(charted / truthRate - 1)).toBeLessThan(0.1);
    expect(g.metrics.latency.series.map((s) => s.name)).toEqual(['p50', 'p95', 'p99', 'avg']);
    for (const s of g.metrics.latency.series) expect(numbers(s).every((v) => v > 0)).toBe(true);
  }, 240_000);

  it('splits every series by version: one per reviews version', async () => {
    const { status, body } = await getMetrics('bookinfo/services/reviews', 'duration=2m&byVersion=true');
    expect(status).toBe(200);
    const g = body as GoldenSignals;
    expect(g.metrics.errorRate.series.map((s) => s.labels.version)).toEqual(['v1', 'v2', 'v3']);
    expect(g.metrics.responseSize.series.map((s) => s.name)).toEqual(['v1 · avg', 'v2 · avg', 'v3 · avg']);
    expect([...new Set(g.metrics.requestRate.series.map((s) => s.labels.version))]).toEqual(['v1', 'v2', 'v3']);
    expect(g.metrics.latency.series.filter((s) => s.labels.quantile === 'p95').map((s) => s.labels.version)).toEqual(['v1', 'v2', 'v3']);
  });

  it('restricts to one peer: productpage calls reviews, details never does', async () => {
    const from = (peer: string) => getMetrics('bookinfo/apps/reviews', `duration=2m&peerNamespace=bookinfo&peerKind=apps&peerName=${peer}`);
    const [productpage, details] = await Promise.all([from('productpage'), from('details')]);
    expect(numbers((productpage.body as GoldenSignals).metrics.requestRate.series[0] as Series).length).toBeGreaterThan(0);
    // No traffic is no series at all, not a line of zeros.
    expect(Object.values((details.body as GoldenSignals).metrics).flatMap((m) => m.series)).toEqual([]);
  });

  it('leaves the time before Prometheus\' history as gaps, not zeros', async () => {
    // The lab keeps one day of data, so a week at one point a minute starts with days of nothing (five, to leave retention some slack).
    const { body } = await getMetrics('bookinfo/services/reviews', 'duration=7d&step=60');
    const ok = (body as GoldenSignals).metrics.requestRate.series.find((s) => s.name === '2xx') as Series;
    expect(ok.points).toHaveLength(10_081);
    expect(values(ok).slice(0, 5 * 1440)).toEqual(Array.from({ length: 5 * 1440 }, () => null));
    expect(values(ok).at(-1)).toBeGreaterThan(0);
  });

  it.each([
    ['bookinfo/pods/reviews', '', 'kind'],
    ['bookinfo/services/x"} or vector(1)', '', 'name'],
    ['Bookinfo/services/reviews', '', 'namespace'],
    ['bookinfo/services/reviews', 'direction=outbound', 'direction'],
    ['bookinfo/services/reviews', 'duration=7d&step=10', 'step'],
    ['bookinfo/services/reviews', 'duration=30s', 'duration'],
    ['bookinfo/apps/reviews', 'peerNamespace=bookinfo&peerKind=apps', 'peerName'],
  ])('%s?%s → 400 naming %s', async (path, query, field) => {
    const { status, body } = await getMetrics(path, query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(new RegExp(`^${field}: `)), details: { field } } });
  });

  it('answers 502 when Prometheus is down', async () => {
    const { status, body } = await getMetrics('bookinfo/services/reviews', '', { PROMETHEUS_URL: 'http://127.0.0.1:1' });
    expect(status).toBe(502);
    expect(body).toMatchObject({ error: { code: 'upstream_unavailable', message: expect.stringMatching(/^prometheus: /) } });
  });

  describe('with a Prometheus that never answers', () => {
    let silent: Server;
    let port = 0;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      // Accepts connections and says nothing: the one way to see a timeout without waiting on a real outage.
      silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      port = (silent.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    });

    it('answers 504 within the configured timeout', async () => {
      const started = Date.now();
      const { status, body } = await getMetrics('bookinfo/services/reviews', '', { PROMETHEUS_URL: `http://127.0.0.1:${port}`, MESHSCOPE_UPSTREAM_TIMEOUT_MS: '500' });
      expect(status).toBe(504);
      expect(body).toMatchObject({ error: { code: 'upstream_timeout', message: 'prometheus: no answer within 500 ms' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});
