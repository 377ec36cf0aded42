import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually, groundTruth, quietWindowEnd, rateWindow, simulatorHistorySeconds, withinOneBucket } from '../lab/testing/lab-clients';
import type { TruthReport } from '../lab/simulator/ground-truth';
import type { GoldenSignals, Series } from './mesh/metrics/types';
import { startSilentServer, type SilentServer } from './testing/silent-server';

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
  it('charts what the simulator did: rates within 2 %, error rate within 0.5 points, p95 within one bucket', async () => {
    // One point whose rate() window holds no config change (see quietWindowEnd): step 60 s, so a 65 s window.
    const at = await quietWindowEnd(130, 200_000);
    const query = `direction=inbound&duration=60&step=60&queryTime=${at}`;
    // The busiest single hop, so one request more or less at a window edge stays far below the bound.
    const peer = '&peerNamespace=bookinfo&peerKind=workloads&peerName=productpage-v1';
    const [service, edge] = await Promise.all([getMetrics('bookinfo/services/reviews', query), getMetrics('bookinfo/workloads/details-v1', query + peer)]);
    expect([service.status, edge.status]).toEqual([200, 200]);
    const reviews = service.body as GoldenSignals;
    const details = edge.body as GoldenSignals;
    expect(reviews.rateWindow).toBe(65);

    // rate() sees the increase between the first and last scrape in the window and extrapolates it; the truth is
    // counted between those scrapes and scaled the same way.
    const window = await rateWindow(reviews.end, reviews.rateWindow);
    const seconds = Math.round(window.last - window.first);
    const truth = await groundTruth<TruthReport>(seconds, window.last * 1000);
    const perSecond = (count: number) => (count * window.factor) / reviews.rateWindow;
    const last = (s: Series | undefined) => s?.points.at(-1)?.[1] ?? null;
    const lastTotal = (g: GoldenSignals) => g.metrics.requestRate.series.reduce((sum, s) => sum + (last(s) ?? 0), 0);

    const intoReviews = truth.workloads.filter((w) => w.namespace === 'bookinfo' && w.workload.startsWith('reviews-'));
    const reviewsTruth = perSecond(intoReviews.reduce((sum, w) => sum + w.inboundRequests, 0));
    expect(reviewsTruth).toBeGreaterThan(1);
    expect(Math.abs(lastTotal(reviews) / reviewsTruth - 1)).toBeLessThan(0.02);

    const hop = truth.edges.find((e) => e.sourceWorkload === 'productpage-v1' && e.destinationWorkload === 'details-v1');
    if (!hop?.latencyMs) throw new Error('the simulator reports no productpage-v1 → details-v1 traffic');
    expect(Math.abs(lastTotal(details) / perSecond(hop.arrived) - 1)).toBeLessThan(0.02);
    expect(Math.abs((last(details.metrics.errorRate.series[0]) ?? NaN) - hop.errorShare)).toBeLessThanOrEqual(0.005);
    const p95 = last(details.metrics.latency.series.find((s) => s.name === 'p95'));
    expect(withinOneBucket(p95 ?? NaN, hop.latencyMs.p95)).toBe(true);
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
    let silent: SilentServer;
    beforeAll(async () => {
      silent = await startSilentServer();
    });
    afterAll(() => silent.close());

    it('answers 504 within the configured timeout', async () => {
      const started = Date.now();
      const { status, body } = await getMetrics('bookinfo/services/reviews', '', { PROMETHEUS_URL: silent.url, MESHSCOPE_UPSTREAM_TIMEOUT_MS: '500' });
      expect(status).toBe(504);
      expect(body).toMatchObject({ error: { code: 'upstream_timeout', message: 'prometheus: no answer within 500 ms' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});
