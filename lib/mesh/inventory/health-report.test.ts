import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../health';
import { addSample, emptyTraffic, healthReport, mergeTraffic, percent, replicasFinding, trafficFindings, type Traffic } from './health-report';

/** Traffic of `total` rps with the given error rates (5xx, 4xx, gRPC/no response), mTLS share of 1. */
function traffic(total: number, http5xx = 0, http4xx = 0, grpc = 0): Traffic {
  return { tally: { total, http5xx, http4xx, grpcOrNoResponse: grpc }, failed: http5xx + grpc, mtls: total };
}

describe('percent', () => {
  it.each([
    [0, '0 %'],
    [0.1, '10 %'],
    [0.125, '13 %'],
    [0.05, '5 %'],
    [0.025, '2.5 %'],
    [0.00043, '0.043 %'],
    [1, '100 %'],
  ])('%f → %s', (share, text) => {
    expect(percent(share)).toBe(text);
  });
});

describe('trafficFindings', () => {
  it.each([
    ['no requests', traffic(0), [{ health: 'na', reason: 'no inbound requests' }]],
    ['all good', traffic(10), [{ health: 'healthy' }, { health: 'healthy' }, { health: 'healthy' }]],
    ['5xx above 0 degrades', traffic(100, 2), [{ health: 'degraded', reason: '5xx 2 % > 0 %' }, { health: 'healthy' }, { health: 'healthy' }]],
    ['5xx at 10 % fails', traffic(100, 12), [{ health: 'failure', reason: '5xx 12 % ≥ 10 %' }, { health: 'healthy' }, { health: 'healthy' }]],
    ['4xx at 10 % degrades (inclusive)', traffic(100, 0, 10), [{ health: 'healthy' }, { health: 'degraded', reason: '4xx 10 % ≥ 10 %' }, { health: 'healthy' }]],
    ['gRPC errors', traffic(100, 0, 0, 0.5), [{ health: 'healthy' }, { health: 'healthy' }, { health: 'degraded', reason: 'gRPC errors or no response 0.5 % > 0 %' }]],
  ])('%s', (_, t, findings) => {
    expect(trafficFindings(t, DEFAULT_THRESHOLDS)).toEqual(findings);
  });

  it('holds traffic to the thresholds it is given', () => {
    const lenient = { ...DEFAULT_THRESHOLDS, http5xx: { degraded: 0.05, failure: 0.5, inclusive: false } };
    expect(trafficFindings(traffic(100, 2), lenient)[0]).toEqual({ health: 'healthy' });
    expect(trafficFindings(traffic(100, 6), lenient)[0]).toEqual({ health: 'degraded', reason: '5xx 6 % > 5 %' });
  });
});

describe('replicasFinding', () => {
  it.each([
    [{ desired: 2, ready: 2, available: 2 }, undefined, { health: 'healthy' }],
    [{ desired: 2, ready: 1, available: 1 }, undefined, { health: 'degraded', reason: '1 of 2 replicas available' }],
    [{ desired: 1, ready: 0, available: 0 }, undefined, { health: 'failure', reason: '0 of 1 replica available' }],
    [{ desired: 3, ready: 3, available: 0 }, 'reviews-v2', { health: 'failure', reason: 'reviews-v2: 0 of 3 replicas available' }],
    [{ desired: 0, ready: 0, available: 0 }, undefined, { health: 'na', reason: 'scaled to 0 replicas' }],
    // More available than desired happens mid-rollout; it is not a problem.
    [{ desired: 2, ready: 3, available: 3 }, undefined, { health: 'healthy' }],
  ])('%o (%s) → %o', (replicas, owner, finding) => {
    expect(replicasFinding(replicas, owner)).toEqual(finding);
  });
});

describe('healthReport', () => {
  const t = traffic(10, 0.2);

  it('takes the worst finding and keeps every reason that degrades or fails', () => {
    const report = healthReport(t, [...trafficFindings(t, DEFAULT_THRESHOLDS), { health: 'failure', reason: '0 of 1 replica available' }]);
    expect(report).toEqual({ health: 'failure', inRps: 10, inErrorRate: 0.02, reasons: ['5xx 2 % > 0 %', '0 of 1 replica available'] });
  });

  it('is healthy without reasons when replicas are fine and nothing was requested', () => {
    const idle = emptyTraffic();
    expect(healthReport(idle, [...trafficFindings(idle, DEFAULT_THRESHOLDS), { health: 'healthy' }])).toEqual({ health: 'healthy', inRps: 0, inErrorRate: null, reasons: [] });
  });

  it('says why nothing could be judged', () => {
    const idle = emptyTraffic();
    const report = healthReport(idle, [...trafficFindings(idle, DEFAULT_THRESHOLDS), { health: 'na', reason: 'scaled to 0 replicas' }]);
    expect(report).toEqual({ health: 'na', inRps: 0, inErrorRate: null, reasons: ['no inbound requests', 'scaled to 0 replicas'] });
  });

  it('does not blame missing traffic for a degraded item', () => {
    const idle = emptyTraffic();
    expect(healthReport(idle, [...trafficFindings(idle, DEFAULT_THRESHOLDS), { health: 'degraded', reason: '1 of 2 replicas available' }]).reasons).toEqual(['1 of 2 replicas available']);
  });
});

describe('traffic accumulation', () => {
  it('counts a failure once even when it is both a 5xx and a gRPC error, and counts mTLS', () => {
    const t = emptyTraffic();
    addSample(t, { request_protocol: 'grpc', response_code: '503', grpc_response_status: '14', connection_security_policy: 'mutual_tls' }, 1);
    addSample(t, { request_protocol: 'http', response_code: '200', connection_security_policy: 'none' }, 3);
    expect(t).toEqual({ tally: { total: 4, http5xx: 1, http4xx: 0, grpcOrNoResponse: 1 }, failed: 1, mtls: 1 });
    mergeTraffic(t, traffic(6, 1));
    expect(t).toEqual({ tally: { total: 10, http5xx: 2, http4xx: 0, grpcOrNoResponse: 1 }, failed: 2, mtls: 7 });
  });
});
