import { describe, expect, it } from 'vitest';
import { GroundTruth, weightedQuantiles, type EdgeTruth, type TruthEdge, type TruthOutcome } from './ground-truth';

const PRODUCTPAGE_TO_REVIEWS: TruthEdge = {
  sourceNamespace: 'bookinfo',
  sourceWorkload: 'productpage-v1',
  destinationNamespace: 'bookinfo',
  destinationWorkload: 'reviews-v2',
  destinationService: 'reviews',
  protocol: 'http',
};
const GATEWAY_TO_PRODUCTPAGE: TruthEdge = {
  sourceNamespace: 'istio-system',
  sourceWorkload: 'istio-ingressgateway',
  destinationNamespace: 'bookinfo',
  destinationWorkload: 'productpage-v1',
  destinationService: 'productpage',
  protocol: 'http',
};
const OUTSIDE_TO_PRODUCTPAGE: TruthEdge = { ...GATEWAY_TO_PRODUCTPAGE, sourceNamespace: 'unknown', sourceWorkload: 'unknown' };

function ok(durationMs: number): TruthOutcome {
  return { responseCode: 200, responseFlags: '-', durationMs, arrived: true };
}

function edgeIn(truth: GroundTruth, edge: TruthEdge, window: number, nowMs: number): EdgeTruth {
  const found = truth.report(window, nowMs).edges.filter((e) => e.sourceWorkload === edge.sourceWorkload && e.destinationWorkload === edge.destinationWorkload);
  if (found.length !== 1) throw new Error(`expected one edge, found ${found.length}`);
  return found[0] as EdgeTruth;
}

describe('GroundTruth rates', () => {
  it.each([
    { name: '1/s for 30 s, 60 s window', perSecond: 1, seconds: 30, window: 60, nowMs: 60_000, rate: 0.5 },
    { name: '1/s for 30 s, last 10 s', perSecond: 1, seconds: 30, window: 10, nowMs: 30_000, rate: 1 },
    { name: '4/s for 60 s, 60 s window', perSecond: 4, seconds: 60, window: 60, nowMs: 60_000, rate: 4 },
    { name: '4/s for 60 s, report mid-second', perSecond: 4, seconds: 61, window: 60, nowMs: 60_700, rate: 4 },
    { name: '3/s for 5 s, 1 s window', perSecond: 3, seconds: 5, window: 1, nowMs: 5_000, rate: 3 },
  ])('$name → $rate/s', ({ perSecond, seconds, window, nowMs, rate }) => {
    const truth = new GroundTruth();
    for (let s = 0; s < seconds; s++) {
      for (let k = 0; k < perSecond; k++) truth.record(PRODUCTPAGE_TO_REVIEWS, ok(10), s * 1000 + (k * 1000) / perSecond);
    }
    const edge = edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, window, nowMs);
    expect(edge.ratePerSecond).toBeCloseTo(rate, 12);
    expect(edge.arrivedRatePerSecond).toBeCloseTo(rate, 12);
    expect(edge.requests).toBe(rate * window);
  });

  it('sums arrived requests per destination workload across sources', () => {
    const truth = new GroundTruth();
    for (let i = 0; i < 10; i++) {
      truth.record(GATEWAY_TO_PRODUCTPAGE, ok(5), i * 100);
      truth.record(OUTSIDE_TO_PRODUCTPAGE, ok(5), i * 100);
      truth.record(OUTSIDE_TO_PRODUCTPAGE, { responseCode: 503, responseFlags: 'UO', durationMs: 0, arrived: false }, i * 100);
      truth.record(PRODUCTPAGE_TO_REVIEWS, ok(5), i * 100);
    }
    const report = truth.report(10, 10_000);
    expect(report.workloads).toEqual([
      { namespace: 'bookinfo', workload: 'productpage-v1', inboundRequests: 20, inboundRatePerSecond: 2 },
      { namespace: 'bookinfo', workload: 'reviews-v2', inboundRequests: 10, inboundRatePerSecond: 1 },
    ]);
    expect(report.edges.map((e) => `${e.sourceNamespace}/${e.sourceWorkload}`).sort()).toEqual([
      'bookinfo/productpage-v1',
      'istio-system/istio-ingressgateway',
      'unknown/unknown',
    ]);
  });
});

describe('GroundTruth outcomes', () => {
  it.each([
    { codes: [200, 200, 503, 0], share: 0.5 },
    { codes: [404, 200, 429], share: 0 },
    { codes: [500], share: 1 },
    { codes: [0, 0, 200, 200, 200], share: 0.4 },
    { codes: [499, 500, 599, 302], share: 0.5 },
  ])('codes $codes → error share $share (5xx and 0 count)', ({ codes, share }) => {
    const truth = new GroundTruth();
    for (const code of codes) truth.record(PRODUCTPAGE_TO_REVIEWS, { responseCode: code, responseFlags: code === 0 ? 'UF' : '-', durationMs: 1, arrived: code !== 0 }, 500);
    const edge = edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, 1, 1000);
    expect(edge.errorShare).toBeCloseTo(share, 12);
    const counts: Record<string, number> = {};
    for (const code of codes) counts[String(code)] = (counts[String(code)] ?? 0) + 1;
    expect(edge.responseCodes).toEqual(counts);
  });

  it('keeps requests that never arrived out of arrived rates, latency and inbound, but in requests and errors', () => {
    const truth = new GroundTruth();
    const outcomes: TruthOutcome[] = [
      ok(10),
      ok(20),
      { responseCode: 503, responseFlags: 'FI', durationMs: 0.2, arrived: false },
      { responseCode: 404, responseFlags: 'NR', durationMs: NaN, arrived: false },
      { responseCode: 0, responseFlags: 'UF', durationMs: 3000, arrived: false },
    ];
    for (const o of outcomes) truth.record(PRODUCTPAGE_TO_REVIEWS, o, 1_000);
    const report = truth.report(2, 2_000);
    const [edge] = report.edges;
    expect(edge).toMatchObject({
      requests: 5,
      arrived: 2,
      ratePerSecond: 2.5,
      arrivedRatePerSecond: 1,
      errorShare: 0.4,
      responseCodes: { '0': 1, '200': 2, '404': 1, '503': 1 },
      responseFlags: { '-': 2, FI: 1, NR: 1, UF: 1 },
      latencyMs: { p50: 10, p95: 20, p99: 20, mean: 15 },
      latencySamples: 2,
    });
    expect(report.workloads).toEqual([{ namespace: 'bookinfo', workload: 'reviews-v2', inboundRequests: 2, inboundRatePerSecond: 1 }]);
  });

  it('reports null latency when nothing arrived', () => {
    const truth = new GroundTruth();
    truth.record(PRODUCTPAGE_TO_REVIEWS, { responseCode: 503, responseFlags: 'FI', durationMs: 0, arrived: false }, 0);
    expect(edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, 1, 1000).latencyMs).toBeNull();
  });
});

describe('GroundTruth latency quantiles', () => {
  it.each([
    { name: 'one value', durations: [10], expected: { p50: 10, p95: 10, p99: 10, mean: 10 } },
    { name: 'four values', durations: [4, 1, 3, 2], expected: { p50: 2, p95: 4, p99: 4, mean: 2.5 } },
    {
      name: '1..100 shuffled',
      durations: Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1),
      expected: { p50: 50, p95: 95, p99: 99, mean: 50.5 },
    },
    {
      name: '1..200 over two seconds',
      durations: Array.from({ length: 200 }, (_, i) => 200 - i),
      expected: { p50: 100, p95: 190, p99: 198, mean: 100.5 },
    },
  ])('$name → exact nearest-rank quantiles', ({ durations, expected }) => {
    const truth = new GroundTruth({ maxSamplesPerEdgeSecond: 128 });
    durations.forEach((d, i) => truth.record(PRODUCTPAGE_TO_REVIEWS, ok(d), Math.floor(i / 100) * 1000 + (i % 100)));
    const edge = edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, 10, 10_000);
    expect(edge.latencyMs).toEqual(expected);
    expect(edge.latencySamples).toBe(durations.length);
  });

  it.each([
    { sets: [{ samples: [3, 1, 2], weight: 1 }], qs: [0.5, 1], expected: [2, 3] },
    { sets: [{ samples: [10], weight: 99 }, { samples: [1000], weight: 1 }], qs: [0.5, 0.99, 0.995], expected: [10, 10, 1000] },
    { sets: [{ samples: [5, 5], weight: 2.5 }, { samples: [1], weight: 1 }], qs: [0.1, 0.2, 0.5], expected: [1, 5, 5] },
    { sets: [], qs: [0.5], expected: [NaN] },
  ])('weightedQuantiles($sets, $qs) = $expected', ({ sets, qs, expected }) => {
    expect(weightedQuantiles(sets, qs)).toEqual(expected);
  });

  it('weights each second by how many requests its samples stand for', () => {
    const truth = new GroundTruth({ maxSamplesPerEdgeSecond: 10 });
    for (let i = 0; i < 1000; i++) truth.record(PRODUCTPAGE_TO_REVIEWS, ok(10), i);
    for (let i = 0; i < 10; i++) truth.record(PRODUCTPAGE_TO_REVIEWS, ok(1000), 1000 + i);
    const edge = edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, 2, 2000);
    expect(edge.latencySamples).toBe(20);
    // Unweighted, the 10 + 10 samples would put p95 at 1000; 1,000 of 1,010 requests took 10 ms.
    expect(edge.latencyMs).toEqual({ p50: 10, p95: 10, p99: 10, mean: (1000 * 10 + 10 * 1000) / 1010 });
  });
});

describe('GroundTruth memory bounds', () => {
  it.each([1, 16, 64])('keeps at most %i latency samples per edge per second, with exact counts and mean', (bound) => {
    const truth = new GroundTruth({ maxSamplesPerEdgeSecond: bound });
    for (let i = 0; i < 5000; i++) truth.record(PRODUCTPAGE_TO_REVIEWS, ok(i % 100), i / 5);
    const edge = edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, 1, 1000);
    expect(edge.latencySamples).toBe(bound);
    expect(edge.arrived).toBe(5000);
    expect(edge.latencyMs?.mean).toBeCloseTo(49.5, 9);
  });

  it('estimates quantiles from reservoirs once they fill', () => {
    const truth = new GroundTruth({ maxSamplesPerEdgeSecond: 64, seed: 7 });
    for (let s = 0; s < 60; s++) for (let i = 0; i < 1000; i++) truth.record(PRODUCTPAGE_TO_REVIEWS, ok((i * 7919) % 1000), s * 1000 + i);
    const edge = edgeIn(truth, PRODUCTPAGE_TO_REVIEWS, 60, 60_000);
    expect(edge.latencySamples).toBe(60 * 64);
    expect(edge.latencyMs?.p50).toBeGreaterThan(450);
    expect(edge.latencyMs?.p50).toBeLessThan(550);
    expect(edge.latencyMs?.p99).toBeGreaterThan(970);
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const truth = new GroundTruth({ maxSamplesPerEdgeSecond: 8, seed: 42 });
      for (let i = 0; i < 3000; i++) truth.record(PRODUCTPAGE_TO_REVIEWS, ok((i * 31) % 977), i);
      return truth.report(3, 3000);
    };
    expect(run()).toEqual(run());
  });

  it('evicts seconds older than maxWindowSeconds as time advances, and drops records that come too late', () => {
    const truth = new GroundTruth({ maxWindowSeconds: 10 });
    for (let s = 0; s < 1000; s++) truth.record(s < 500 ? GATEWAY_TO_PRODUCTPAGE : PRODUCTPAGE_TO_REVIEWS, ok(1), s * 1000 + 500);
    const retained = truth.retainedSeconds();
    expect(retained.length).toBeLessThanOrEqual(11);
    expect(retained[0]).toBe(989);
    truth.record(PRODUCTPAGE_TO_REVIEWS, ok(1), 900_000);
    const report = truth.report(10, 1_000_000);
    expect(report.droppedLateRecords).toBe(1);
    expect(report.edges.map((e) => e.sourceWorkload)).toEqual(['productpage-v1']);
    expect(report.edges[0]?.requests).toBe(10);
    expect(truth.report(10, 2_000_000).edges).toEqual([]);
    expect(truth.retainedSeconds()).toEqual([]);
  });

  it.each([
    { atMs: 59_999, included: true },
    { atMs: 0, included: true },
    { atMs: 60_000, included: false },
    { atMs: -1, included: false },
  ])('with a 60 s window at 60,000 ms, a record at $atMs ms is included: $included', ({ atMs, included }) => {
    const truth = new GroundTruth();
    truth.record(PRODUCTPAGE_TO_REVIEWS, ok(1), atMs);
    const report = truth.report(60, 60_000);
    expect(report).toMatchObject({ fromMs: 0, toMs: 60_000 });
    expect(report.edges.length).toBe(included ? 1 : 0);
  });
});

describe('GroundTruth input checks and output shape', () => {
  it.each([
    ['window 0', (t: GroundTruth) => t.report(0, 1000)],
    ['fractional window', (t: GroundTruth) => t.report(1.5, 1000)],
    ['window above the maximum', (t: GroundTruth) => t.report(601, 1000)],
    ['non-finite now', (t: GroundTruth) => t.report(60, NaN)],
    ['negative response code', (t: GroundTruth) => t.record(PRODUCTPAGE_TO_REVIEWS, { ...ok(1), responseCode: -1 }, 0)],
    ['arrived without a duration', (t: GroundTruth) => t.record(PRODUCTPAGE_TO_REVIEWS, ok(NaN), 0)],
    ['non-finite time', (t: GroundTruth) => t.record(PRODUCTPAGE_TO_REVIEWS, ok(1), Infinity)],
  ])('rejects %s', (_case, act) => {
    expect(() => act(new GroundTruth())).toThrow(RangeError);
  });

  it('produces plain JSON', () => {
    const truth = new GroundTruth();
    truth.record(PRODUCTPAGE_TO_REVIEWS, ok(12.5), 100);
    truth.record(OUTSIDE_TO_PRODUCTPAGE, { responseCode: 0, responseFlags: 'UF', durationMs: 0, arrived: false }, 200);
    const report = truth.report(5, 5000);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
