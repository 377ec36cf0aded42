import { describe, expect, it } from 'vitest';
import { expectedRequestRates, totalExpectedRate } from './expected-rates';
import { loadScenario, parseScenario } from './scenario';

describe('expectedRequestRates on bookinfo, worked by hand', () => {
  const rates = expectedRequestRates(loadScenario('bookinfo'));
  // reviews gets 10 rps from productpage and 3 × 0.5 from travel/hotels, spread over three versions;
  // ratings gets what reviews-v2 and -v3 send, spread over two versions; ratings-v2 opens one mongodb
  // connection per request.
  const reviewsEach = (10 + 1.5) / 3;
  it.each([
    ['bookinfo/productpage-v1', 10],
    ['bookinfo/details-v1', 10],
    ['bookinfo/reviews-v1', reviewsEach],
    ['bookinfo/reviews-v3', reviewsEach],
    ['bookinfo/ratings-v1', (2 * reviewsEach) / 2],
    ['bookinfo/ratings-v2', (2 * reviewsEach) / 2],
    ['bookinfo/mongodb-v1', (2 * reviewsEach) / 2],
    ['travel/travels-v1', 3],
    ['travel/hotels-v1', 3],
    ['travel/discounts-v1', 3],
  ])('%s receives %s rps', (key, rate) => {
    expect(rates.get(key)).toBeCloseTo(rate, 9);
  });

  it('lists every workload and totals 55 rps, under the 100 rps budget', () => {
    expect(rates.size).toBe(12);
    expect(totalExpectedRate(loadScenario('bookinfo'))).toBeCloseTo(55, 9);
  });
});

const tiny = (calls: string, entryRate = 4): string =>
  [
    'name: t',
    'namespaces:',
    '  - name: a',
    '    services: [{ name: front, port: 80 }, { name: back, port: 80 }]',
    '    workloads:',
    `      - { app: front, version: v1, latency: { medianMs: 1, p99Ms: 2 }, calls: ${calls} }`,
    '      - { app: back, version: v1, latency: { medianMs: 1, p99Ms: 2 } }',
    '      - { app: back, version: v2, latency: { medianMs: 1, p99Ms: 2 } }',
    '      - { name: idle, app: idle, version: v1, latency: { medianMs: 1, p99Ms: 2 } }',
    `entries: [{ via: ingress, namespace: a, service: front, ratePerSecond: ${entryRate} }]`,
  ].join('\n');

describe('expectedRequestRates', () => {
  it.each([
    ['no calls', '[]', 0],
    ['one call per request, split over two versions', '[{ service: back }]', 2],
    ['two calls per request', '[{ service: back, perRequest: 2 }]', 4],
    ['a call on 30 % of requests', '[{ service: back, perRequest: 0.3 }]', 0.6],
    ['two call sites adding up', '[{ service: back }, { service: back, perRequest: 0.5 }]', 3],
  ])('%s', (_name, calls, eachBack) => {
    const rates = expectedRequestRates(parseScenario(tiny(calls), 't.yaml'));
    expect(rates.get('a/front-v1')).toBe(4);
    expect(rates.get('a/back-v1')).toBeCloseTo(eachBack, 12);
    expect(rates.get('a/back-v2')).toBeCloseTo(eachBack, 12);
    expect(rates.get('a/idle')).toBe(0);
  });

  it('follows callers listed after their callees', () => {
    const text = [
      'name: t',
      'namespaces:',
      '  - name: z',
      '    services: [{ name: leaf, port: 80 }]',
      '    workloads: [{ app: leaf, version: v1, latency: { medianMs: 1, p99Ms: 2 } }]',
      '  - name: a',
      '    services: [{ name: mid, port: 80 }, { name: top, port: 80 }]',
      '    workloads:',
      '      - { app: mid, version: v1, latency: { medianMs: 1, p99Ms: 2 }, calls: [{ service: leaf, namespace: z, perRequest: 3 }] }',
      '      - { app: top, version: v1, latency: { medianMs: 1, p99Ms: 2 }, calls: [{ service: mid }] }',
      'entries: [{ via: outside, namespace: a, service: top, ratePerSecond: 2 }]',
    ].join('\n');
    expect([...expectedRequestRates(parseScenario(text, 't.yaml'))]).toEqual([
      ['z/leaf-v1', 6],
      ['a/mid-v1', 2],
      ['a/top-v1', 2],
    ]);
  });

  it('refuses a scenario with a call cycle', () => {
    const scenario = parseScenario(tiny('[{ service: back }]'), 't.yaml');
    scenario.namespaces[0]?.workloads[1]?.calls.push({ service: 'front', namespace: 'a', perRequest: 1 });
    expect(() => expectedRequestRates(scenario)).toThrow(/call cycle/);
  });
});
