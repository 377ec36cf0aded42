import { join } from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyObjects, eventually, groundTruth, promQuery, promSumBy, quietWindowEnd, rateWindow, readObjects, simulatorHistorySeconds } from '../testing/lab-clients';
import type { TruthReport } from './ground-truth';

// Against the running lab: the simulator plays bookinfo (lab/scenarios/bookinfo.yaml) into the real
// kube-apiserver, Prometheus and Jaeger. Istio's own sample YAML drives the routing tests.
const SAMPLES = join(import.meta.dirname, '../../../shared/reference/istio-samples/bookinfo/networking');
const sample = (file: string) => readObjects(join(SAMPLES, file), 'bookinfo');

/** Applies Istio objects for the duration of `body`, then deletes them. */
async function withObjects(files: string[], body: () => Promise<void>): Promise<void> {
  const remove = await applyObjects(files.flatMap(sample));
  try {
    await body();
  } finally {
    await remove();
  }
}

/** Waits until Prometheus has `seconds` of data produced entirely under the current config. */
async function settle(seconds: number): Promise<void> {
  await new Promise((r) => setTimeout(r, seconds * 1000));
}

beforeAll(async () => {
  // rate(...[1m]) needs a full minute of scrapes.
  await eventually(simulatorHistorySeconds, (s) => s >= 70, 150_000, 5_000);
}, 160_000);

describe('mesh simulator against the lab', () => {
  it('destination-reported request rates match the ground truth within 5 %', async () => {
    // The same stretch of time on both sides: a window without a config change (the tests before this file change
    // bookinfo's routing), rate() evaluated at its last scrape, and the truth counted between the first and last
    // scrape rate() sees, extrapolated as rate() does (see rateWindow).
    const at = await quietWindowEnd(60, 150_000);
    const observed = await promSumBy('sum(rate(istio_requests_total{reporter="destination"}[1m])) by (destination_workload)', 'destination_workload', at);
    const window = await rateWindow(at, 60);
    const seconds = Math.round(window.last - window.first);
    const truth = await groundTruth<TruthReport>(seconds, window.last * 1000);
    const truthRate = (w: TruthReport['workloads'][number]) => (w.inboundRatePerSecond * seconds * window.factor) / 60;
    const expected = truth.workloads.filter((w) => truthRate(w) > 0.5 && observed[w.workload] !== undefined);
    expect(expected.map((w) => w.workload)).toEqual(expect.arrayContaining(['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1']));
    const rows = expected.map((w) => ({ workload: w.workload, truth: truthRate(w), prometheus: observed[w.workload] ?? 0 }));
    const off = rows.filter((r) => Math.abs(r.prometheus / r.truth - 1) >= 0.05);
    expect(off).toEqual([]);
  }, 180_000);

  it('creates the Kubernetes objects of injected workloads, and one without a sidecar', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(process.env.KUBECONFIG_ADMIN ?? '');
    const core = kc.makeApiClient(CoreV1Api);
    const bookinfo = await core.readNamespace({ name: 'bookinfo' });
    expect(bookinfo.metadata?.labels?.['istio-injection']).toBe('enabled');
    const pods = (await core.listPodForAllNamespaces()).items;
    const injected = (p: (typeof pods)[number]) => p.metadata?.annotations?.['sidecar.istio.io/status'] !== undefined;
    const inBookinfo = pods.filter((p) => p.metadata?.namespace === 'bookinfo');
    expect(inBookinfo.map((p) => p.metadata?.labels?.app).sort()).toEqual(['details', 'mongodb', 'productpage', 'ratings', 'ratings', 'reviews', 'reviews', 'reviews']);
    expect(inBookinfo.every(injected)).toBe(true);
    expect(pods.filter((p) => p.metadata?.namespace !== 'istio-system' && !injected(p)).map((p) => p.metadata?.labels?.app)).toEqual(['discounts']);
    const deployment = await kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ namespace: 'bookinfo', name: 'reviews-v2' });
    expect(deployment.status?.availableReplicas).toBe(1);
    const sidecars = await promQuery('count(container_memory_working_set_bytes{container="istio-proxy",namespace="bookinfo"})');
    expect(sidecars[0]?.value).toBe(8);
  });

  it('moves reviews traffic to 80/20 within 30 s of applying the 80-20 VirtualService', async () => {
    await withObjects(['destination-rule-all.yaml', 'virtual-service-reviews-80-20.yaml'], async () => {
      await settle(30);
      const byVersion = await promSumBy(
        'sum(increase(istio_requests_total{reporter="destination",destination_service_name="reviews"}[20s])) by (destination_version)',
        'destination_version',
      );
      const total = Object.values(byVersion).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(50);
      expect((byVersion.v1 ?? 0) / total).toBeGreaterThan(0.7);
      expect((byVersion.v1 ?? 0) / total).toBeLessThan(0.9);
      expect((byVersion.v2 ?? 0) / total).toBeGreaterThan(0.1);
      expect(byVersion.v3 ?? 0).toBe(0);
    });
  }, 90_000);

  it('aborts the matched share of ratings calls with HTTP 500 and flag FI', async () => {
    await withObjects(['destination-rule-all.yaml', 'virtual-service-ratings-test-abort.yaml'], async () => {
      await settle(30);
      const byFlag = await promSumBy(
        'sum(increase(istio_requests_total{reporter="source",destination_service_name="ratings"}[20s])) by (response_flags, response_code)',
        'response_flags',
      );
      const total = Object.values(byFlag).reduce((a, b) => a + b, 0);
      const aborted = await promQuery('sum(increase(istio_requests_total{reporter="source",destination_service_name="ratings",response_code="500",response_flags="FI"}[20s]))');
      // Only requests from end-user jason (about a tenth of bookinfo's traffic) are aborted.
      expect(total).toBeGreaterThan(30);
      expect((aborted[0]?.value ?? 0) / total).toBeGreaterThan(0.03);
      expect((aborted[0]?.value ?? 0) / total).toBeLessThan(0.25);
      const seenByRatings = await promQuery('sum(increase(istio_requests_total{reporter="destination",destination_service_name="ratings",response_flags="FI"}[20s]))');
      expect(seenByRatings[0]?.value ?? 0).toBe(0); // the fault is injected at the client: ratings never sees it
    });
  }, 90_000);

  it('shifts the latency histogram of the matched share by the injected delay', async () => {
    await withObjects(['destination-rule-all.yaml', 'virtual-service-ratings-test-delay.yaml'], async () => {
      await settle(30);
      const slow = await promQuery('sum(increase(istio_request_duration_milliseconds_bucket{reporter="source",destination_service_name="ratings",le="5000"}[20s]))');
      const all = await promQuery('sum(increase(istio_request_duration_milliseconds_count{reporter="source",destination_service_name="ratings"}[20s]))');
      const delayedShare = 1 - (slow[0]?.value ?? 0) / (all[0]?.value ?? 1);
      // The sample delays jason's ratings calls by 7 s: they land above the 5000 ms bucket.
      expect(delayedShare).toBeGreaterThan(0.03);
      expect(delayedShare).toBeLessThan(0.25);
    });
  }, 90_000);

  it('flips connection_security_policy on the destination side with PeerAuthentication', async () => {
    const policy = (mode: string) => ({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'default', namespace: 'bookinfo' },
      spec: { mtls: { mode } },
    });
    const query = 'sum(increase(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"}[10s])) by (connection_security_policy)';
    const remove = await applyObjects([policy('DISABLE')]);
    try {
      await settle(20);
      const disabled = await promSumBy(query, 'connection_security_policy');
      expect(disabled.none ?? 0).toBeGreaterThan(0);
      expect(disabled.mutual_tls ?? 0).toBe(0);
      await applyObjects([policy('STRICT')]);
      await settle(20);
      const strict = await promSumBy(query, 'connection_security_policy');
      expect(strict.mutual_tls ?? 0).toBeGreaterThan(0);
      expect(strict.none ?? 0).toBe(0);
    } finally {
      await remove();
    }
  }, 90_000);

  it('sends traces that Jaeger returns with the right parent/child structure', async () => {
    const now = Date.now();
    const params = new URLSearchParams({
      'query.service_name': 'productpage.bookinfo',
      'query.start_time_min': new Date(now - 5 * 60_000).toISOString(),
      'query.start_time_max': new Date(now + 60_000).toISOString(),
      'query.num_traces': '20',
    });
    const res = await fetch(`${process.env.JAEGER_URL}/api/v3/traces?${params}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; kind: number }[] }[] }[] } };
    type Span = { traceId: string; spanId: string; parentSpanId?: string; kind: number; service: string };
    const spans: Span[] = body.result.resourceSpans.flatMap((rs) => {
      const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
      return rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ ...s, service })));
    });
    const byTrace = Map.groupBy(spans, (s) => s.traceId);
    const gateway = 'istio-ingressgateway.istio-system';
    // A request that entered through the gateway and went all the way down to ratings.
    const full = [...byTrace.values()].find((t) => t.some((s) => s.service === 'ratings.bookinfo') && t.some((s) => !s.parentSpanId && s.service === gateway));
    expect(full).toBeDefined();
    const byId = new Map(full!.map((s) => [s.spanId, s]));
    expect(full!.filter((s) => !s.parentSpanId).map((r) => r.service)).toEqual([gateway]);
    for (const s of full!) {
      if (!s.parentSpanId) continue;
      const parent = byId.get(s.parentSpanId);
      expect(parent).toBeDefined();
      // Envoy's pattern: a client span in the caller, a server span in the callee, nested.
      if (s.kind === 2) expect(parent!.kind).toBe(3);
      if (s.kind === 3) expect(parent!.kind).toBe(2);
    }
    expect(new Set(full!.map((s) => s.service))).toEqual(new Set([gateway, 'productpage.bookinfo', 'details.bookinfo', 'reviews.bookinfo', 'ratings.bookinfo']));
  });
});
