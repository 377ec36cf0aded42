import { describe, expect, it } from 'vitest';
import type { SidecarResources } from '@/lib/api/inventory';
import type { Point } from '@/lib/mesh/metrics/types';
import { resourceCharts, type WorkloadResources } from './resources';

const answer = (workload: string, cpu: Point[], memory: Point[] = []): SidecarResources => ({
  namespace: 'bookinfo',
  workload,
  pods: [`${workload}-abc`],
  start: 0,
  end: 60,
  step: 60,
  rateWindow: 240,
  cpu: { unit: 'cores', series: cpu.length ? [{ name: 'istio-proxy', labels: { container: 'istio-proxy' }, points: cpu }] : [] },
  memory: { unit: 'bytes', series: memory.length ? [{ name: 'istio-proxy', labels: { container: 'istio-proxy' }, points: memory }] : [] },
});

describe('resourceCharts', () => {
  it('names one line per workload', () => {
    const charts = resourceCharts([
      { workload: 'reviews-v1', data: answer('reviews-v1', [[0, 0.002], [60, 0.003]], [[0, 5e7]]) },
      { workload: 'reviews-v2', data: answer('reviews-v2', [[0, 0.004], [60, null]]) },
    ]);
    expect(charts).toEqual({
      cpu: [
        { name: 'reviews-v1', points: [[0, 0.002], [60, 0.003]] },
        { name: 'reviews-v2', points: [[0, 0.004], [60, null]] },
      ],
      memory: [{ name: 'reviews-v1', points: [[0, 5e7]] }],
      loading: false,
      missing: [],
    });
  });

  it.each<[string, WorkloadResources[], Partial<ReturnType<typeof resourceCharts>>]>([
    ['everything on its way', [{ workload: 'a' }, { workload: 'b' }], { loading: true, missing: [] }],
    ['one failed, one on its way', [{ workload: 'a', error: 'boom' }, { workload: 'b' }], { loading: true, missing: [] }],
    ['all failed', [{ workload: 'a', error: 'prometheus: timeout' }, { workload: 'b', error: 'other' }], { loading: false, error: 'prometheus: timeout', missing: [] }],
    [
      'one failed while another answered',
      [{ workload: 'a', data: answer('a', [[0, 1]]) }, { workload: 'b', error: 'not found' }],
      { loading: false, missing: [{ workload: 'b', message: 'not found' }] },
    ],
    // A failed refresh keeps the earlier answer, which still draws.
    ['a failed refresh with data', [{ workload: 'a', data: answer('a', [[0, 1]]), error: 'timeout' }], { loading: false, missing: [] }],
    ['no workloads at all', [], { loading: false, missing: [] }],
  ])('%s', (_name, answers, expected) => {
    const charts = resourceCharts(answers);
    expect({ loading: charts.loading, missing: charts.missing, ...(charts.error !== undefined ? { error: charts.error } : {}) }).toEqual(expected);
  });
});
