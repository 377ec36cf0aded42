import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { expectedRequestRates } from './expected-rates';
import { GroundTruth, type TruthReport } from './ground-truth';
import type { MeshConfig } from './istio-config';
import { bookinfoMesh } from '../testing/istio-fixtures';
import { resetOutlierState } from './mesh-call';
import { MeshMetrics } from './metrics';
import { buildRuntimeTopology } from './runtime-topology';
import { seededUniform } from './sampling';
import { loadScenario } from './scenario';
import type { SpanRecord } from './tracer';

const T0 = 1_800_000_000_000;
const config = bookinfoMesh;

/** Runs bookinfo for `seconds` of simulated time in 250 ms ticks; returns what it reported. */
function run(seconds: number, mesh: MeshConfig, seed = 1) {
  const scenario = loadScenario('bookinfo');
  scenario.seed = seed;
  const metrics = new MeshMetrics({ processMetrics: false });
  const truth = new GroundTruth();
  const spans: SpanRecord[] = [];
  const engine = new Engine({
    scenario,
    topology: buildRuntimeTopology(scenario, (ns, w) => [`${w}-pod`]),
    metrics,
    truth,
    config: () => mesh,
    uniform: seededUniform(seed),
    spans: (s) => spans.push(s),
  });
  for (let t = 250; t <= seconds * 1000; t += 250) engine.tick(T0 + t, 0.25);
  return { scenario, metrics, spans, report: truth.report(seconds - 1, T0 + seconds * 1000) };
}

function edges(report: TruthReport, destinationService: string) {
  return report.edges.filter((e) => e.destinationService === destinationService);
}

function share(report: TruthReport, service: string, pick: (e: TruthReport['edges'][number]) => boolean): number {
  const all = edges(report, service);
  const total = all.reduce((n, e) => n + e.requests, 0);
  return all.filter(pick).reduce((n, e) => n + e.requests, 0) / total;
}

const gatewayConfig = () => config('bookinfo-gateway.yaml');

beforeEach(() => resetOutlierState());

describe('Engine on bookinfo', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = run(20, gatewayConfig(), 7);
    const b = run(20, gatewayConfig(), 7);
    const c = run(20, gatewayConfig(), 8);
    expect(a.metrics.render()).toBe(b.metrics.render());
    expect(a.spans).toEqual(b.spans);
    expect(c.metrics.render()).not.toBe(a.metrics.render());
  });

  it('delivers the rates the scenario implies to every workload', () => {
    const { scenario, report } = run(300, gatewayConfig());
    const expected = expectedRequestRates(scenario);
    const rows = report.workloads
      .filter((w) => (expected.get(`${w.namespace}/${w.workload}`) ?? 0) > 1)
      .map((w) => ({ workload: `${w.namespace}/${w.workload}`, ratio: w.inboundRatePerSecond / (expected.get(`${w.namespace}/${w.workload}`) ?? 1) }));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((r) => Math.abs(r.ratio - 1) > 0.1)).toEqual([]);
  });

  it('splits reviews 80/20 under virtual-service-reviews-80-20', () => {
    const { report } = run(120, config('bookinfo-gateway.yaml', 'destination-rule-all.yaml', 'virtual-service-reviews-80-20.yaml'));
    const fromProductpage = (e: TruthReport['edges'][number]) => e.sourceWorkload === 'productpage-v1';
    const v1 = share(report, 'reviews.bookinfo.svc.cluster.local', (e) => fromProductpage(e) && e.destinationWorkload === 'reviews-v1');
    const v3 = share(report, 'reviews.bookinfo.svc.cluster.local', (e) => e.destinationWorkload === 'reviews-v3');
    // productpage's calls follow the VirtualService; the travel namespace's calls to reviews do too.
    expect(v1 / share(report, 'reviews.bookinfo.svc.cluster.local', fromProductpage)).toBeCloseTo(0.8, 1);
    expect(v3).toBe(0);
  });

  it('aborts jason\'s ratings calls with 500 FI at the client, which ratings never sees', () => {
    const { report, metrics } = run(120, config('bookinfo-gateway.yaml', 'destination-rule-all.yaml', 'virtual-service-ratings-test-abort.yaml'));
    const aborted = edges(report, 'ratings.bookinfo.svc.cluster.local').reduce((n, e) => n + (e.responseFlags.FI ?? 0), 0);
    const total = edges(report, 'ratings.bookinfo.svc.cluster.local').reduce((n, e) => n + e.requests, 0);
    expect(aborted / total).toBeGreaterThan(0.05);
    expect(aborted / total).toBeLessThan(0.16);
    const text = metrics.render();
    expect(text).toMatch(/istio_requests_total\{reporter="source",[^}]*destination_service_name="ratings"[^}]*response_code="500"[^}]*response_flags="FI"/);
    expect(text).not.toMatch(/istio_requests_total\{reporter="destination",[^}]*response_flags="FI"/);
  });

  it('delays jason\'s ratings calls by 7 s', () => {
    const { report } = run(120, config('bookinfo-gateway.yaml', 'destination-rule-all.yaml', 'virtual-service-ratings-test-delay.yaml'));
    const ratings = edges(report, 'ratings.bookinfo.svc.cluster.local').filter((e) => e.sourceWorkload.startsWith('reviews'));
    const delayed = ratings.reduce((n, e) => n + (e.responseFlags.DI ?? 0), 0);
    expect(delayed).toBeGreaterThan(0);
    expect(Math.max(...ratings.map((e) => e.latencyMs?.p99 ?? 0))).toBeGreaterThan(7000);
  });

  it('answers 404 NR at the gateway when no VirtualService binds it', () => {
    const { report } = run(30, config());
    const fromGateway = report.edges.filter((e) => e.sourceWorkload === 'istio-ingressgateway');
    expect(fromGateway.every((e) => e.responseCodes['404'] === e.requests && e.arrived === 0)).toBe(true);
  });

  it('makes one trace per traced entry request, client and server span per hop', () => {
    const { spans } = run(60, gatewayConfig());
    const byTrace = Map.groupBy(spans, (s) => s.traceId);
    expect(byTrace.size).toBeGreaterThan(20);
    for (const trace of byTrace.values()) {
      const ids = new Set(trace.map((s) => s.spanId));
      expect(trace.filter((s) => !s.parentSpanId)).toHaveLength(1);
      expect(trace.every((s) => !s.parentSpanId || ids.has(s.parentSpanId))).toBe(true);
      // Envoy's nesting: a server span hangs under the caller's client span, a client span under its proxy's server span.
      const kindOf = new Map(trace.map((s) => [s.spanId, s.kind]));
      for (const s of trace) {
        if (s.parentSpanId) expect([s.kind, kindOf.get(s.parentSpanId)]).toEqual(s.kind === 'server' ? ['server', 'client'] : ['client', 'server']);
      }
    }
  });
});
