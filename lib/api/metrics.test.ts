import { describe, expect, it } from 'vitest';
import { ApiError, retryUnlessClientError } from './fetch-json';
import { metricsApiPath, metricsKeys, metricsQuery, type GoldenSignals, type MetricsParams } from './metrics';

const base: MetricsParams = { namespace: 'bookinfo', kind: 'services', name: 'reviews', direction: 'inbound', duration: 600, byVersion: false };

describe('metricsApiPath', () => {
  it.each<[Partial<MetricsParams>, string]>([
    [{}, '/api/namespaces/bookinfo/services/reviews/metrics?direction=inbound&duration=600'],
    [
      { kind: 'workloads', name: 'productpage-v1', direction: 'outbound', step: 30, queryTime: 1_700_000_000, byVersion: true, peer: { namespace: 'bookinfo', kind: 'services', name: 'reviews' } },
      '/api/namespaces/bookinfo/workloads/productpage-v1/metrics?direction=outbound&duration=600&step=30&queryTime=1700000000&byVersion=true&peerNamespace=bookinfo&peerKind=services&peerName=reviews',
    ],
    // The server rejects such a name; the path must still carry it intact rather than change the route.
    [{ name: 'a/../b?x' }, '/api/namespaces/bookinfo/services/a%2F..%2Fb%3Fx/metrics?direction=inbound&duration=600'],
  ])('%j → %s', (over, path) => {
    expect(metricsApiPath({ ...base, ...over })).toBe(path);
  });
});

describe('metricsKeys', () => {
  it('puts every input in the key', () => {
    const variants: Partial<MetricsParams>[] = [
      { namespace: 'travel' },
      { kind: 'apps' },
      { name: 'ratings' },
      { direction: 'outbound' },
      { duration: 3600 },
      { step: 30 },
      { queryTime: 1_700_000_000 },
      { byVersion: true },
      { peer: { namespace: 'bookinfo', kind: 'apps', name: 'productpage' } },
      { peer: { namespace: 'bookinfo', kind: 'workloads', name: 'productpage' } },
    ];
    const keys = [base, ...variants.map((v) => ({ ...base, ...v }))].map((p) => JSON.stringify(metricsKeys.metrics(p)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('nests under the entity key, so one entity\'s charts can be invalidated together', () => {
    expect(metricsKeys.metrics(base).slice(0, 4)).toEqual([...metricsKeys.entity(base)]);
    expect(metricsKeys.entity(base)).toEqual(['metrics', 'bookinfo', 'services', 'reviews']);
  });
});

describe('metricsQuery', () => {
  it('never retries a 4xx and refreshes only a live window', () => {
    const live = metricsQuery(base, 15);
    expect(live.retry).toBe(retryUnlessClientError);
    expect(retryUnlessClientError(0, new ApiError(400, 'bad_request', 'step: …'))).toBe(false);
    expect(live.refetchInterval).toBe(15_000);
    expect(metricsQuery({ ...base, queryTime: 1_700_000_000 }, 15).refetchInterval).toBe(false);
    expect(metricsQuery(base, 0).refetchInterval).toBe(false);
  });

  it('lets earlier charts stand in only for the same traffic', () => {
    const shown = { namespace: 'bookinfo', kind: 'services', name: 'reviews', direction: 'inbound', byVersion: false } as GoldenSignals;
    const placeholder = (p: MetricsParams) => (metricsQuery(p, 0).placeholderData as (previous?: GoldenSignals) => GoldenSignals | undefined)(shown);
    expect(placeholder({ ...base, duration: 3600 })).toBe(shown);
    expect(placeholder({ ...base, byVersion: true })).toBe(shown);
    expect(placeholder({ ...base, name: 'ratings' })).toBeUndefined();
    expect(placeholder({ ...base, peer: { namespace: 'bookinfo', kind: 'apps', name: 'productpage' } })).toBeUndefined();
  });
});
