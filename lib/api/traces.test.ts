import { describe, expect, it } from 'vitest';
import { ApiError, retryUnlessClientError } from './fetch-json';
import { traceKeys, traceOperationsQuery, traceQuery, traceSearchApiPath, traceSearchQuery, traceServicesQuery, type TraceSearchInput } from './traces';

const base: TraceSearchInput = { service: 'productpage.bookinfo', tags: {} };

describe('traceSearchApiPath', () => {
  it.each<[Partial<TraceSearchInput>, string]>([
    [{}, '/api/traces?service=productpage.bookinfo'],
    [{ lookback: '2h', limit: 50 }, '/api/traces?service=productpage.bookinfo&lookback=2h&limit=50'],
    [
      { operation: 'GET /', start: 1_000_000, end: 2_000_000, lookback: '2h', minDuration: '10ms', maxDuration: '1.5s' },
      '/api/traces?service=productpage.bookinfo&operation=GET+%2F&start=1000000&end=2000000&minDuration=10ms&maxDuration=1.5s',
    ],
    [{ tags: { z: '1', 'http.url': 'http://x/?a=b,c' } }, '/api/traces?service=productpage.bookinfo&tags=%7B%22http.url%22%3A%22http%3A%2F%2Fx%2F%3Fa%3Db%2Cc%22%2C%22z%22%3A%221%22%7D'],
  ])('%j → %s', (over, path) => expect(traceSearchApiPath({ ...base, ...over })).toBe(path));
});

describe('traceKeys', () => {
  it('puts every search input in the key, and tag order does not matter', () => {
    const variants: Partial<TraceSearchInput>[] = [
      { service: 'reviews.bookinfo' },
      { operation: 'op' },
      { tags: { a: '1' } },
      { tags: { a: '2' } },
      { start: 1 },
      { end: 2 },
      { lookback: '2h' },
      { minDuration: '1ms' },
      { maxDuration: '1s' },
      { limit: 100 },
    ];
    const keys = [base, ...variants.map((v) => ({ ...base, ...v }))].map((p) => JSON.stringify(traceKeys.search(p)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(traceKeys.search({ ...base, tags: { a: '1', b: '2' } })).toEqual(traceKeys.search({ ...base, tags: { b: '2', a: '1' } }));
  });

  it('nests every key under the domain', () => {
    for (const key of [traceKeys.services(), traceKeys.operations('s'), traceKeys.search(base), traceKeys.trace('AB')]) expect(key[0]).toBe('traces');
    expect(traceKeys.trace('ABCDEF0123456789')).toEqual(traceKeys.trace('abcdef0123456789'));
  });
});

describe('trace queries', () => {
  it('never retry a 4xx', () => {
    for (const q of [traceServicesQuery(), traceOperationsQuery('s'), traceSearchQuery(base), traceQuery('abcdef0123456789')]) expect(q.retry).toBe(retryUnlessClientError);
    expect(retryUnlessClientError(0, new ApiError(404, 'not_found', 'trace …'))).toBe(false);
    expect(retryUnlessClientError(0, new ApiError(502, 'upstream_unavailable', 'jaeger: …'))).toBe(true);
  });

  it('wait for a service or trace id', () => {
    expect(traceOperationsQuery('').enabled).toBe(false);
    expect(traceSearchQuery({ ...base, service: '' }).enabled).toBe(false);
    expect(traceQuery('').enabled).toBe(false);
    expect(traceSearchQuery(base).enabled).toBe(true);
  });
});
