import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './fetch-json';
import { applyTraffic, changesPath, changesQuery, revertChange, trafficKeys, trafficModelQuery, trafficPath } from './traffic';

afterEach(() => vi.unstubAllGlobals());

function stubBrowser(answer: Response) {
  const fetch = vi.fn(async (_path: string, _init?: RequestInit) => answer);
  vi.stubGlobal('document', { cookie: 'meshscope_csrf=tok' });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('paths', () => {
  it.each([
    [trafficPath('bookinfo', 'reviews'), '/api/namespaces/bookinfo/services/reviews/traffic'],
    // The server rejects such names; the path must still carry them intact rather than change the route.
    [trafficPath('book info', 'a/../b?x'), '/api/namespaces/book%20info/services/a%2F..%2Fb%3Fx/traffic'],
    [changesPath({}), '/api/changes'],
    [changesPath({ namespace: 'bookinfo' }), '/api/changes?namespace=bookinfo'],
    [changesPath({ namespace: 'bookinfo', service: 'reviews' }), '/api/changes?namespace=bookinfo&service=reviews'],
    [changesPath({ service: 'a&b' }), '/api/changes?service=a%26b'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });
});

describe('trafficKeys', () => {
  it('puts every input in the key, under one root', () => {
    const keys = [
      trafficKeys.model('bookinfo', 'reviews'),
      trafficKeys.model('bookinfo', 'ratings'),
      trafficKeys.model('travel', 'reviews'),
      trafficKeys.changes({}),
      trafficKeys.changes({ namespace: 'bookinfo' }),
      trafficKeys.changes({ namespace: 'bookinfo', service: 'reviews' }),
      trafficKeys.changes({ service: 'reviews' }),
    ];
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(keys.length);
    for (const key of keys) expect(key[0]).toBe(trafficKeys.all[0]);
    expect(trafficModelQuery('bookinfo', 'reviews').queryKey).toEqual(trafficKeys.model('bookinfo', 'reviews'));
    expect(changesQuery({ namespace: 'bookinfo', service: 'reviews' }).queryKey).toEqual(trafficKeys.changes({ service: 'reviews', namespace: 'bookinfo' }));
  });

  it('never retries a 4xx', () => {
    const retry = trafficModelQuery('bookinfo', 'reviews').retry as (count: number, error: Error) => boolean;
    expect(retry(0, new ApiError(404, 'not_found', 'no service reviews'))).toBe(false);
    expect(retry(0, new ApiError(502, 'upstream_unavailable', 'kubernetes: down'))).toBe(true);
  });
});

describe('writes', () => {
  const edit = { routes: [{ subset: 'v1', weight: 100 }], rules: [], resourceVersion: '7' };

  it.each([
    [true, '/api/namespaces/bookinfo/services/reviews/traffic?dryRun=true'],
    [false, '/api/namespaces/bookinfo/services/reviews/traffic'],
  ])('applyTraffic(dryRun %s) PUTs the edit with the CSRF header to %s', async (dryRun, path) => {
    const fetch = stubBrowser(Response.json({ dryRun }));
    await expect(applyTraffic('bookinfo', 'reviews', edit, dryRun)).resolves.toEqual({ dryRun });
    const [sent, init] = fetch.mock.calls[0] ?? [];
    expect(sent).toBe(path);
    expect(init).toMatchObject({ method: 'PUT', body: JSON.stringify(edit), headers: { 'X-Meshscope-CSRF': 'tok' } });
  });

  it('revertChange POSTs without a body, dry run or not', async () => {
    const fetch = stubBrowser(Response.json({ dryRun: true }));
    await revertChange('c/1', true);
    await revertChange('c1', false);
    expect(fetch.mock.calls.map(([p, i]) => [p, i?.method, i?.body])).toEqual([
      ['/api/changes/c%2F1/revert?dryRun=true', 'POST', undefined],
      ['/api/changes/c1/revert', 'POST', undefined],
    ]);
  });

  it('hands a 409 over with the diff its details carry', async () => {
    stubBrowser(Response.json({ error: { code: 'conflict', message: 'changed meanwhile', details: { diff: [] } } }, { status: 409 }));
    await expect(applyTraffic('bookinfo', 'reviews', edit, false)).rejects.toEqual(new ApiError(409, 'conflict', 'changed meanwhile', { diff: [] }));
  });
});
