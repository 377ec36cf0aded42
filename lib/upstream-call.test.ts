import { describe, expect, it } from 'vitest';
import { UpstreamError } from './errors';
import { callUpstream, describeError, isTimeout } from './upstream-call';

function refused(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9090'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

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

describe('callUpstream', () => {
  it('names the upstream and classifies the failure', async () => {
    await expect(callUpstream('prometheus', 50, () => Promise.reject(refused()))).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: 'prometheus: connect ECONNREFUSED 127.0.0.1:9090',
    });
    await expect(callUpstream('jaeger', 50, () => Promise.reject(new DOMException('t', 'TimeoutError')))).rejects.toMatchObject({
      code: 'upstream_timeout',
      message: 'jaeger: no answer within 50 ms',
    });
  });

  it('passes results and UpstreamErrors through unchanged', async () => {
    await expect(callUpstream('jaeger', 50, async () => 7)).resolves.toBe(7);
    const own = new UpstreamError('jaeger', 'upstream_unavailable', '/x answered HTTP 500');
    await expect(callUpstream('jaeger', 50, () => Promise.reject(own))).rejects.toBe(own);
  });
});
