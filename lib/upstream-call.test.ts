import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpstreamError } from './errors';
import { breakerFor } from './resilience/breakers';
import { BREAKER_COOL_DOWN_MS, BREAKER_FAILURE_THRESHOLD } from './resilience/settings';
import { telemetry } from './telemetry/instruments';
import { callUpstream, countsAsFailure, describeError, isTimeout } from './upstream-call';

function refused(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9090'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

const timeout = () => new DOMException('t', 'TimeoutError');

describe('isTimeout', () => {
  it.each([
    [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), true],
    [new DOMException('This operation was aborted', 'AbortError'), true],
    [{ status: 'error', errorType: 'timeout_error', error: 'timeout of 10000ms exceeded' }, true],
    [new TypeError('fetch failed', { cause: new DOMException('t', 'TimeoutError') }), true],
    [refused(), false],
    ['timeout', false],
  ])('%o → %s', (err, expected) => {
    expect(isTimeout(err)).toBe(expected);
  });
});

describe('describeError', () => {
  it.each([
    [refused(), 'connect ECONNREFUSED 127.0.0.1:9090'],
    [{ status: 'error', errorType: 'network_error', error: 'getaddrinfo ENOTFOUND prom' }, 'getaddrinfo ENOTFOUND prom'],
    [new Error('HTTP-Code: 403'), 'HTTP-Code: 403'],
    [42, '42'],
  ])('%o → %s', (err, expected) => {
    expect(describeError(err)).toBe(expected);
  });
});

describe('countsAsFailure', () => {
  it.each([
    ['a timeout', timeout(), true],
    ['a refused connection', refused(), true],
    ['Prometheus answering 503', { status: 'error', errorType: 'http_error', httpStatus: 503 }, true],
    ['Prometheus rejecting a query (400)', { status: 'error', errorType: 'http_error', httpStatus: 400 }, false],
    ['Kubernetes answering 500', Object.assign(new Error('HTTP-Code: 500'), { code: 500 }), true],
    ['Kubernetes forbidding a user (403)', Object.assign(new Error('HTTP-Code: 403'), { code: 403 }), false],
    ['Kubernetes refusing a token (401)', Object.assign(new Error('HTTP-Code: 401'), { code: 401 }), false],
    ['an UpstreamError raised inside the call', new UpstreamError('jaeger', 'upstream_unavailable', '/x answered HTTP 500'), true],
    ['Jaeger refusing a search (400)', Object.assign(new UpstreamError('jaeger', 'upstream_unavailable', '/x answered HTTP 400'), { httpStatus: 400 }), false],
    ['Jaeger answering 502', Object.assign(new UpstreamError('jaeger', 'upstream_unavailable', '/x answered HTTP 502'), { httpStatus: 502 }), true],
  ])('%s → %s', (_name, err, expected) => {
    expect(countsAsFailure(err)).toBe(expected);
  });
});

describe('callUpstream', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    // Breakers are keyed by the configured server; an unconfigured upstream still gets one, shared by these tests.
    vi.stubEnv('JAEGER_URL', 'http://jaeger.unit.test');
    vi.stubEnv('PROMETHEUS_URL', 'http://prometheus.unit.test');
  });
  afterEach(async () => {
    // Leave the shared breakers closed for the next test: the cool-down passes, then a probe succeeds.
    vi.advanceTimersByTime(BREAKER_COOL_DOWN_MS);
    await callUpstream('jaeger', 50, async () => 0).catch(() => undefined);
    await callUpstream('prometheus', 50, async () => 0).catch(() => undefined);
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('names the upstream and classifies the failure', async () => {
    await expect(callUpstream('prometheus', 50, () => Promise.reject(refused()))).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: 'prometheus: connect ECONNREFUSED 127.0.0.1:9090',
    });
    await expect(callUpstream('jaeger', 50, () => Promise.reject(timeout()))).rejects.toMatchObject({
      code: 'upstream_timeout',
      message: 'jaeger: no answer within 50 ms',
    });
  });

  it('passes results and UpstreamErrors through unchanged', async () => {
    await expect(callUpstream('jaeger', 50, async () => 7)).resolves.toBe(7);
    const own = new UpstreamError('jaeger', 'upstream_unavailable', '/x answered HTTP 500');
    await expect(callUpstream('jaeger', 50, () => Promise.reject(own))).rejects.toBe(own);
  });

  it('opens the upstream breaker after consecutive failures and then fails fast without calling', async () => {
    const metrics = telemetry();
    const calls = () => metrics.upstreamRequestDuration.count({ upstream: 'jaeger' });
    const before = { calls: calls(), refused: metrics.upstreamErrors.value({ upstream: 'jaeger', code: 'circuit_open' }) };
    for (let i = 0; i < BREAKER_FAILURE_THRESHOLD; i++) {
      await expect(callUpstream('jaeger', 1500, () => Promise.reject(timeout()))).rejects.toMatchObject({ code: 'upstream_timeout' });
    }
    vi.advanceTimersByTime(2_000);
    const call = vi.fn(async () => 1);
    await expect(callUpstream('jaeger', 1500, call)).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: `jaeger: circuit breaker open after ${BREAKER_FAILURE_THRESHOLD} consecutive failures (last: no answer within 1500 ms); retrying in ${BREAKER_COOL_DOWN_MS / 1000 - 2} s`,
    });
    expect(call).not.toHaveBeenCalled();
    expect(calls() - before.calls).toBe(BREAKER_FAILURE_THRESHOLD);
    expect(metrics.upstreamErrors.value({ upstream: 'jaeger', code: 'circuit_open' }) - before.refused).toBe(1);
    // Other upstreams keep their own breaker.
    await expect(callUpstream('prometheus', 1500, async () => 'fine')).resolves.toBe('fine');
    vi.advanceTimersByTime(BREAKER_COOL_DOWN_MS);
    await expect(callUpstream('jaeger', 1500, call)).resolves.toBe(1);
    expect(breakerFor('jaeger').snapshot().state).toBe('closed');
  });

  it('does not count a request the upstream rejected (4xx) toward opening the breaker', async () => {
    const forbidden = () => Promise.reject(Object.assign(new Error('HTTP-Code: 403'), { code: 403 }));
    for (let i = 0; i < BREAKER_FAILURE_THRESHOLD + 1; i++) {
      await expect(callUpstream('prometheus', 50, forbidden)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    }
    expect(breakerFor('prometheus').snapshot()).toMatchObject({ state: 'closed', failures: 0 });
  });
});
