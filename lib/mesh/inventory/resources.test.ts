import { describe, expect, it } from 'vitest';
import { render } from '../../promql';
import { timeGrid } from '../metrics/step';
import { resourceQueries, sidecarResources } from './resources';

describe('resourceQueries', () => {
  it('sums the proxies of exactly the given pods', () => {
    const q = resourceQueries('bookinfo', ['productpage-v1-bd56-21e26', 'productpage-v1-bd56-9x2lq'], 60);
    expect(render(q.cpu)).toBe(
      'sum(rate(container_cpu_usage_seconds_total{namespace="bookinfo",pod=~"productpage-v1-bd56-21e26|productpage-v1-bd56-9x2lq",container="istio-proxy"}[1m]))',
    );
    expect(render(q.memory)).toBe('sum(container_memory_working_set_bytes{namespace="bookinfo",pod=~"productpage-v1-bd56-21e26|productpage-v1-bd56-9x2lq",container="istio-proxy"})');
  });

  it.each([
    // A dot in a bare pod's name is a literal, not "any character".
    ['web.v1', String.raw`pod=~"web\\.v1"`],
    // Nothing a name holds can leave its string.
    ['x"} or vector(1)', String.raw`pod=~"x\"\\} or vector\\(1\\)"`],
    ['line\nbreak', String.raw`pod=~"line\nbreak"`],
  ])('escapes %j', (pod, matcher) => {
    expect(render(resourceQueries('ns', [pod], 60).memory)).toContain(matcher);
  });
});

describe('sidecarResources', () => {
  const grid = timeGrid(1_700_000_100, 120, 60);

  it('places one summed series per metric on the grid, with gaps as null', () => {
    const r = sidecarResources({ namespace: 'bookinfo', workload: 'productpage-v1', pods: ['p-1'] }, grid, 240, {
      cpu: [{ labels: {}, values: [[1_699_999_980, 0.004], [1_700_000_100, 0.005]] }],
      memory: [{ labels: {}, values: [[1_700_000_040, 52_000_000]] }],
    });
    expect(r).toEqual({
      namespace: 'bookinfo',
      workload: 'productpage-v1',
      pods: ['p-1'],
      start: 1_699_999_980,
      end: 1_700_000_100,
      step: 60,
      rateWindow: 240,
      cpu: { unit: 'cores', series: [{ name: 'istio-proxy', labels: { container: 'istio-proxy' }, points: [[1_699_999_980, 0.004], [1_700_000_040, null], [1_700_000_100, 0.005]] }] },
      memory: { unit: 'bytes', series: [{ name: 'istio-proxy', labels: { container: 'istio-proxy' }, points: [[1_699_999_980, null], [1_700_000_040, 52_000_000], [1_700_000_100, null]] }] },
    });
  });

  it('has no series when Prometheus had no samples (a workload without sidecars)', () => {
    const r = sidecarResources({ namespace: 'travel', workload: 'discounts-v1', pods: ['d-1'] }, grid, 240, { cpu: [], memory: [] });
    expect([r.cpu.series, r.memory.series]).toEqual([[], []]);
  });
});
