import { describe, expect, it } from 'vitest';
import { ApiError } from './fetch-json';
import { ISTIO_KINDS, istioDetailsPath, istioDetailsQuery, istioKeys, istioKindOf, istioListPath, istioListQuery } from './istio';

describe('paths', () => {
  it.each([
    [istioListPath('all'), '/api/istio'],
    [istioListPath(['travel', 'bookinfo', 'travel']), '/api/istio?namespace=bookinfo%2Ctravel'],
    [istioListPath('all', 'VirtualService'), '/api/istio?kind=VirtualService'],
    [istioListPath(['bookinfo'], 'PeerAuthentication'), '/api/istio?namespace=bookinfo&kind=PeerAuthentication'],
    [istioDetailsPath('bookinfo', 'DestinationRule', 'reviews'), '/api/istio/bookinfo/DestinationRule/reviews'],
    // The server rejects such a name; the path must still carry it intact rather than change the route.
    [istioDetailsPath('book info', 'VirtualService', 'a/../b?x'), '/api/istio/book%20info/VirtualService/a%2F..%2Fb%3Fx'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });
});

describe('istioKindOf', () => {
  it('knows the eight kinds by their exact names and nothing else', () => {
    expect(ISTIO_KINDS).toHaveLength(8);
    for (const kind of ISTIO_KINDS) expect(istioKindOf(kind)).toBe(kind);
    for (const other of ['virtualservice', 'VirtualServices', 'workloads', '', null, undefined]) expect(istioKindOf(other)).toBeUndefined();
  });
});

describe('istioKeys', () => {
  it('puts every input in the key and ignores the order of namespaces', () => {
    const keys = [
      istioKeys.list('all', null),
      istioKeys.list(['bookinfo'], null),
      istioKeys.list(['bookinfo', 'travel'], null),
      istioKeys.list(['bookinfo'], 'Gateway'),
      istioKeys.details('bookinfo', 'Gateway', 'gw'),
      istioKeys.details('travel', 'Gateway', 'gw'),
      istioKeys.details('bookinfo', 'VirtualService', 'gw'),
      istioKeys.details('bookinfo', 'Gateway', 'other'),
    ];
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(keys.length);
    expect(istioKeys.list(['travel', 'bookinfo'], null)).toEqual(istioKeys.list(['bookinfo', 'travel', 'bookinfo'], null));
  });
});

describe('query options', () => {
  it('never retries a 4xx, and stays idle for no namespaces', () => {
    const retry = istioDetailsQuery('bookinfo', 'VirtualService', 'reviews').retry as (count: number, error: Error) => boolean;
    expect(retry(0, new ApiError(404, 'not_found', 'no VirtualService reviews'))).toBe(false);
    expect(retry(0, new ApiError(502, 'upstream_unavailable', 'kubernetes: down'))).toBe(true);
    expect(istioListQuery([]).enabled).toBe(false);
    expect(istioListQuery(['bookinfo']).enabled).toBe(true);
    expect(istioListQuery('all', 'Sidecar').queryKey).toEqual(istioKeys.list('all', 'Sidecar'));
  });
});
