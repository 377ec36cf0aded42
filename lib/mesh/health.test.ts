import { describe, expect, it } from 'vitest';
import { addRequests, DEFAULT_THRESHOLDS, emptyTally, mergeTally, requestFindings, requestHealth, worstHealth } from './health';

const tally = (total: number, http5xx = 0, http4xx = 0, grpcOrNoResponse = 0) => ({ total, http5xx, http4xx, grpcOrNoResponse });

describe('requestHealth with Kiali defaults', () => {
  it.each([
    ['no traffic', tally(0), 'na'],
    ['all good', tally(100), 'healthy'],
    ['one 5xx in 1000 degrades', tally(1000, 1), 'degraded'],
    ['9.9 % 5xx still degraded', tally(1000, 99), 'degraded'],
    ['10 % 5xx fails', tally(100, 10), 'failure'],
    ['9.9 % 4xx healthy', tally(1000, 0, 99), 'healthy'],
    ['10 % 4xx degrades', tally(100, 0, 10), 'degraded'],
    ['20 % 4xx fails', tally(100, 0, 20), 'failure'],
    ['gRPC errors or no response degrade above 0', tally(100, 0, 0, 1), 'degraded'],
    ['gRPC errors fail at 10 %', tally(100, 0, 0, 10), 'failure'],
    ['the worst rule wins', tally(100, 1, 25), 'failure'],
    ['rates, not counts', tally(2.5, 0.3), 'failure'],
  ])('%s', (_, t, expected) => {
    expect(requestHealth(t)).toBe(expected);
  });

  it('takes configured thresholds', () => {
    const lenient = {
      http5xx: { degraded: 0.05, failure: 0.5, inclusive: true },
      http4xx: { degraded: 1, failure: 1, inclusive: true },
      grpcOrNoResponse: { degraded: 1, failure: 1, inclusive: true },
    };
    expect(requestHealth(tally(100, 4), lenient)).toBe('healthy');
    expect(requestHealth(tally(100, 5), lenient)).toBe('degraded');
  });
});

describe('worstHealth', () => {
  it.each([
    [[], 'na'],
    [['healthy', 'na'], 'healthy'],
    [['degraded', 'healthy'], 'degraded'],
    [['healthy', 'failure', 'degraded'], 'failure'],
  ] as const)('%o → %s', (states, expected) => {
    expect(worstHealth(...states)).toBe(expected);
  });
});

describe('requestFindings', () => {
  it('judges each error class against its own threshold, in a fixed order', () => {
    expect(requestFindings(tally(100, 2, 15, 0)).map((f) => [f.rule, f.share, f.health])).toEqual([
      ['http5xx', 0.02, 'degraded'],
      ['http4xx', 0.15, 'degraded'],
      ['grpcOrNoResponse', 0, 'healthy'],
    ]);
    expect(requestFindings(tally(100, 10))[0]?.threshold).toBe(DEFAULT_THRESHOLDS.http5xx);
  });

  it('finds nothing without traffic', () => {
    expect(requestFindings(tally(0))).toEqual([]);
  });
});

describe('addRequests', () => {
  it.each([
    ['HTTP 200', { request_protocol: 'http', response_code: '200' }, tally(2)],
    ['HTTP 503', { request_protocol: 'http', response_code: '503' }, tally(2, 2)],
    ['HTTP 404', { request_protocol: 'http', response_code: '404' }, tally(2, 0, 2)],
    ['no response (code 0)', { request_protocol: 'http', response_code: '0' }, tally(2, 0, 0, 2)],
    ['gRPC OK', { request_protocol: 'grpc', response_code: '200', grpc_response_status: '0' }, tally(2)],
    ['gRPC UNAVAILABLE over HTTP 200', { request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' }, tally(2, 0, 0, 2)],
    ['a gRPC status on an HTTP request is ignored', { request_protocol: 'http', response_code: '200', grpc_response_status: '14' }, tally(2)],
    ['no labels at all counts as a success', {}, tally(2)],
  ])('%s', (_, labels, expected) => {
    const t = emptyTally();
    addRequests(t, labels, 2);
    expect(t).toEqual(expected);
  });

  it('adds tallies', () => {
    const t = tally(10, 1, 2, 3);
    mergeTally(t, tally(5, 1, 1, 1));
    expect(t).toEqual(tally(15, 2, 3, 4));
  });
});
