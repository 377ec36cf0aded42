import { describe, expect, it } from 'vitest';
import type { UpstreamStatus } from '@/lib/api/status';
import { breakerNotices } from './breaker-banner-model';

const since = '2026-01-01T00:00:00.000Z';
const up = (name: UpstreamStatus['name'], breaker: UpstreamStatus['breaker']): UpstreamStatus => ({ name, state: 'connected', breaker });
const closed = { state: 'closed' as const, since };

describe('breakerNotices', () => {
  it.each([
    ['all closed', [up('kubernetes', closed), up('prometheus', closed)], 0, []],
    [
      'open, counting down from the answer',
      [up('kubernetes', closed), up('prometheus', { state: 'open', since, retryAt: since, retryInMs: 20_000 })],
      0,
      [{ upstream: 'prometheus', text: 'Prometheus is failing; retrying in 20 s' }],
    ],
    ['open, 4.5 s after the answer', [up('jaeger', { state: 'open', since, retryInMs: 20_000 })], 4_500, [{ upstream: 'jaeger', text: 'Jaeger is failing; retrying in 16 s' }]],
    ['open, past the retry time', [up('prometheus', { state: 'open', since, retryInMs: 1_000 })], 3_000, [{ upstream: 'prometheus', text: 'Prometheus is failing; retrying now' }]],
    ['half-open', [up('kubernetes', { state: 'half-open', since })], 0, [{ upstream: 'kubernetes', text: 'The Kubernetes API is failing; retrying now' }]],
  ])('%s', (_name, upstreams, elapsed, expected) => {
    expect(breakerNotices(upstreams, elapsed)).toEqual(expected);
  });
});
