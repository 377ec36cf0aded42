import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually, groundTruth, quietWindowEnd, rateWindow, simulatorHistorySeconds, withinOneBucket } from '../lab/testing/lab-clients';
import type { TruthReport } from '../lab/simulator/ground-truth';
import type { Graph } from './mesh/graph/types';
import { startSilentServer, type SilentServer } from './testing/silent-server';

/** Calls the real route handler with a fresh module graph, so configuration changes take effect. */
async function getGraph(query: string, env: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    const { GET } = await import('../app/api/graph/route');
    const res = await GET(new Request(`http://console.test/api/graph?${query}`));
    return { status: res.status, body: await res.json() };
  } finally {
    vi.unstubAllEnvs();
  }
}

beforeAll(async () => {
  await eventually(simulatorHistorySeconds, (s) => s >= 130, 210_000, 5_000);
}, 220_000);

// Against the lab: the graph the API draws for bookinfo, held against what the simulator says happened.
describe('GET /api/graph against the lab', () => {
  it('draws bookinfo with the rates, error rates and latencies the simulator produced', async () => {
    // Compare the same stretch of time: rate() over [2m] sees the increase between the first and last scrape in
    // the window and extrapolates it; the truth is counted between those scrapes and extrapolated the same way.
    // The window must hold no config change (see quietWindowEnd); after the simulator's tests that takes 2 minutes.
    const at = await quietWindowEnd(120, 200_000);
    const { status, body } = await getGraph(`namespaces=bookinfo&graphType=workload&duration=120&edgeLabels=latency,throughput&queryTime=${at}`);
    expect(status).toBe(200);
    const graph = body as Graph;
    const window = await rateWindow(at, 120);
    const seconds = Math.round(window.last - window.first);
    const report = await groundTruth<TruthReport>(seconds, window.last * 1000);
    const truth = { ...report, edges: report.edges.map((e) => ({ ...e, arrivedRatePerSecond: (e.arrivedRatePerSecond * seconds * window.factor) / 120 })) };
    const rows = truth.edges
      .filter((t) => t.destinationNamespace === 'bookinfo' && t.sourceNamespace !== 'unknown' && t.ratePerSecond > 1 && t.protocol === 'http')
      .map((t) => {
        const e = graph.edges.find((g) => g.source === `wl:${t.sourceNamespace}:${t.sourceWorkload}` && g.target === `wl:${t.destinationNamespace}:${t.destinationWorkload}`);
        return {
          edge: `${t.sourceWorkload}>${t.destinationWorkload}`,
          truth: t.arrivedRatePerSecond,
          graph: e?.rps ?? 0,
          // Error shares may differ by a couple of requests: one on the other side of a window edge, and the first
          // increment of a response-code series born inside the window, which rate() cannot see.
          errorOff: Math.abs((e?.errorRate ?? 1) - t.errorShare) > Math.max(0.005, 2.5 / t.requests),
          p95: e?.latencyMs?.p95 ?? NaN,
          truthP95: t.latencyMs?.p95 ?? NaN,
        };
      });
    expect(rows.map((r) => r.edge)).toEqual(expect.arrayContaining(['productpage-v1>details-v1', 'productpage-v1>reviews-v2', 'reviews-v2>ratings-v1']));
    expect(rows.filter((r) => Math.abs(r.graph / r.truth - 1) > 0.02)).toEqual([]);
    expect(rows.filter((r) => r.errorOff)).toEqual([]);
    // Latency from histogram buckets is only as precise as the bucket it falls in.
    expect(rows.filter((r) => !withinOneBucket(r.p95, r.truthP95))).toEqual([]);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('wl:istio-system:istio-ingressgateway')).toMatchObject({ isRoot: true, isOutsideNamespaces: true });
    expect(graph.edges.find((e) => e.target === 'wl:bookinfo:mongodb-v1')).toMatchObject({ protocol: 'tcp' });
    // Traffic that reached a sidecar from a sidecar is mutual TLS; traffic from outside the mesh never is.
    expect(graph.edges.filter((e) => e.protocol === 'http' && e.source !== 'unknown' && e.target.startsWith('wl:') && e.mtlsShare <= 0)).toEqual([]);
    expect(graph.edges.filter((e) => e.source === 'unknown' && e.mtlsShare > 0)).toEqual([]);
  }, 240_000);

  it('shows traffic from outside the mesh as an unknown source in a second namespace', async () => {
    const { body } = await getGraph('namespaces=travel,bookinfo&graphType=app&duration=60');
    const graph = body as Graph;
    expect(graph.nodes.find((n) => n.id === 'unknown')).toMatchObject({ isOutsideMesh: true, isRoot: true });
    expect(graph.edges.some((e) => e.source === 'app:travel:hotels' && e.target === 'app:bookinfo:reviews')).toBe(true);
  });

  it('answers 400 naming the parameter', async () => {
    const { status, body } = await getGraph('namespaces=Bad_Name');
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: 'namespaces: "Bad_Name" is not a valid namespace name (DNS-1123 label)', details: { field: 'namespaces' } } });
  });

  it('answers 502 when Prometheus is down', async () => {
    const { status, body } = await getGraph('namespaces=bookinfo', { PROMETHEUS_URL: 'http://127.0.0.1:1' });
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
      const { status, body } = await getGraph('namespaces=bookinfo', { PROMETHEUS_URL: silent.url, MESHSCOPE_UPSTREAM_TIMEOUT_MS: '500' });
      expect(status).toBe(504);
      expect(body).toMatchObject({ error: { code: 'upstream_timeout', message: 'prometheus: no answer within 500 ms' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});
