import { describe, expect, it } from 'vitest';
import { metricsApiPath } from '@/lib/api/metrics';
import { METRIC_NAMES } from '@/lib/mesh/metrics/types';
import { METRIC_PANELS, metricsParamsFor, splitNote } from './metric-panels';

describe('METRIC_PANELS', () => {
  it('charts every metric the API returns, once', () => {
    expect(METRIC_PANELS.map((p) => p.metric).sort()).toEqual([...METRIC_NAMES].sort());
  });
});

describe('metricsParamsFor', () => {
  it.each([
    [
      { namespace: 'bookinfo', kind: 'services', name: 'reviews' } as const,
      'inbound' as const,
      { duration: 3600, step: 60, byVersion: true },
      '/api/namespaces/bookinfo/services/reviews/metrics?direction=inbound&duration=3600&step=60&byVersion=true',
    ],
    [
      { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' } as const,
      'outbound' as const,
      { duration: 600, step: null, byVersion: false },
      '/api/namespaces/bookinfo/workloads/reviews-v2/metrics?direction=outbound&duration=600',
    ],
  ])('%o %s %o → %s', (ref, direction, state, path) => {
    const params = metricsParamsFor(ref, direction, state);
    expect(metricsApiPath(params)).toBe(path);
    // An automatic step is absent, not undefined, so the query key stays the same as without it.
    if (state.step === null) expect(params).not.toHaveProperty('step');
  });
});

describe('splitNote', () => {
  it.each([
    ['workloads', 'inbound', "callers' versions"],
    ['workloads', 'outbound', "destinations' versions"],
    ['apps', 'inbound', undefined],
    ['services', 'inbound', undefined],
  ] as const)('%s %s → %s', (kind, direction, note) => {
    expect(splitNote({ namespace: 'ns', kind, name: 'x' }, direction)).toBe(note);
  });
});
