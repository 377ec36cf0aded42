import { describe, expect, it } from 'vitest';
import { ApiError } from './fetch-json';
import { mtlsKeys, mtlsPath, mtlsQuery } from './mtls';

describe('mtlsPath', () => {
  it.each([
    [mtlsPath('all'), '/api/mtls'],
    [mtlsPath(['bookinfo']), '/api/mtls?namespace=bookinfo'],
    [mtlsPath(['travel', 'bookinfo', 'bookinfo'], 600), '/api/mtls?namespace=bookinfo%2Ctravel&duration=600'],
    [mtlsPath('all', 60), '/api/mtls?duration=60'],
    [mtlsPath(['a&b=c']), '/api/mtls?namespace=a%26b%3Dc'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });
});

describe('mtlsKeys and mtlsQuery', () => {
  it('puts every input in the key and ignores the order of namespaces', () => {
    const keys = [mtlsKeys.report('all', 300), mtlsKeys.report(['bookinfo'], 300), mtlsKeys.report(['bookinfo', 'travel'], 300), mtlsKeys.report(['bookinfo'], 600)];
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(keys.length);
    expect(mtlsKeys.report(['travel', 'bookinfo'], 300)).toEqual(mtlsKeys.report(['bookinfo', 'travel'], 300));
    expect(mtlsQuery(['bookinfo'], { duration: 600 }).queryKey).toEqual(mtlsKeys.report(['bookinfo'], 600));
  });

  it('refreshes only when asked to, stays idle for no namespaces and never retries a 4xx', () => {
    expect(mtlsQuery('all').refetchInterval).toBe(false);
    expect(mtlsQuery('all', { refreshSeconds: 30 }).refetchInterval).toBe(30_000);
    expect(mtlsQuery([]).enabled).toBe(false);
    expect(mtlsQuery('all').enabled).toBe(true);
    const retry = mtlsQuery('all').retry as (count: number, error: Error) => boolean;
    expect(retry(0, new ApiError(400, 'bad_request', 'namespace: invalid'))).toBe(false);
    expect(retry(0, new ApiError(504, 'upstream_timeout', 'prometheus: timed out'))).toBe(true);
  });
});
