import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { describeError } from '../upstream-call';
import { retryAfterMs, retryingTooManyRequests } from './client';

// The lab's kube-apiserver right after it created the Istio CRDs' storage (seen in an integration run): a 429 with
// Retry-After, as the client library hands it over.
const reinitializing = (retryAfter = '1') =>
  new ApiException<string>(
    429,
    'Unknown API Status Code!',
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'storage is (re)initializing',
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: Number(retryAfter) },
      code: 429,
    }),
    { 'retry-after': retryAfter, 'content-type': 'application/json' },
  );

describe('retryAfterMs', () => {
  it('reads the wait of a 429 from Retry-After, else from the Status body, else one second', () => {
    expect(retryAfterMs(reinitializing('2'))).toBe(2_000);
    expect(retryAfterMs(Object.assign(reinitializing('1'), { headers: {} }))).toBe(1_000);
    expect(retryAfterMs(Object.assign(new Error('busy'), { code: 429 }))).toBe(1_000);
  });

  it('gives no retry for a long wait or another status', () => {
    expect(retryAfterMs(reinitializing('30'))).toBeUndefined();
    expect(retryAfterMs(Object.assign(new Error('HTTP-Code: 500'), { code: 500 }))).toBeUndefined();
    expect(retryAfterMs(new Error('socket hang up'))).toBeUndefined();
  });
});

describe('retryingTooManyRequests', () => {
  it('waits as asked and tries again, at most twice', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    let calls = 0;
    const recovers = async () => {
      calls += 1;
      if (calls < 3) throw reinitializing();
      return 'namespaces';
    };
    await expect(retryingTooManyRequests(recovers, sleep)).resolves.toBe('namespaces');
    expect({ calls, waits }).toEqual({ calls: 3, waits: [1_000, 1_000] });

    calls = 0;
    const staysBusy = async () => {
      calls += 1;
      throw reinitializing();
    };
    await expect(retryingTooManyRequests(staysBusy, sleep)).rejects.toBeInstanceOf(ApiException);
    expect(calls).toBe(3);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    const fails = async () => {
      calls += 1;
      throw Object.assign(new Error('HTTP-Code: 403'), { code: 403 });
    };
    await expect(retryingTooManyRequests(fails, async () => undefined)).rejects.toThrow('HTTP-Code: 403');
    expect(calls).toBe(1);
  });
});

describe('describeError on a Kubernetes answer', () => {
  it("gives the API server's words and the status, not the library's dump of body and headers", () => {
    expect(describeError(reinitializing())).toBe('storage is (re)initializing (HTTP 429)');
  });
});
