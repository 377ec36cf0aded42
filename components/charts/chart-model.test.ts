import { describe, expect, it } from 'vitest';
import type { Metric } from '@/lib/mesh/metrics/types';
import { axisMax, chartRows, hasData, isIsolated, seriesColor, seriesFromMetric, summarize, markersInRange, type ChartSeries } from './chart-model';
import type { MetricUnit } from './units';

const ok: ChartSeries = { name: '2xx', points: [[1000, 10], [1010, null], [1020, 12]] };
const err: ChartSeries = { name: '5xx', points: [[1010, 0.5], [1030, 1]] };

describe('chartRows', () => {
  it('joins series on their instants and keeps gaps as null', () => {
    expect(chartRows([ok, err])).toEqual([
      { t: 1000, s0: 10, s1: null },
      { t: 1010, s0: null, s1: 0.5 },
      { t: 1020, s0: 12, s1: null },
      { t: 1030, s0: null, s1: 1 },
    ]);
  });

  it('is empty without series', () => {
    expect(chartRows([])).toEqual([]);
  });
});

describe('isIsolated', () => {
  const rows = chartRows([{ name: 'a', points: [[1, 5], [2, null], [3, 7], [4, null], [5, 1], [6, 2]] }]);
  it.each([
    [0, true], // first point, gap after it
    [1, false], // a gap itself
    [2, true],
    [4, false], // has a neighbour
    [5, false],
    [9, false], // outside
  ])('row %i → %s', (index, isolated) => {
    expect(isIsolated(rows, 's0', index)).toBe(isolated);
  });
});

describe('hasData', () => {
  it.each<[ChartSeries[], boolean]>([
    [[], false],
    [[{ name: 'a', points: [] }], false],
    [[{ name: 'a', points: [[1, null], [2, null]] }], false],
    [[{ name: 'a', points: [[1, null]] }, { name: 'b', points: [[1, 0]] }], true],
  ])('%j → %s', (series, expected) => {
    expect(hasData(series)).toBe(expected);
  });
});

describe('seriesColor', () => {
  it.each<[ChartSeries, number, string]>([
    [{ name: 'x', points: [], tone: 'error' }, 0, 'var(--color-failure)'],
    [{ name: 'x', points: [], tone: 'ok' }, 3, 'var(--color-healthy)'],
    [{ name: 'x', points: [] }, 0, 'var(--chart-1)'],
    [{ name: 'x', points: [] }, 7, 'var(--chart-8)'],
    [{ name: 'x', points: [] }, 8, 'var(--chart-1)'],
  ])('%j #%i → %s', (series, index, color) => {
    expect(seriesColor(series, index)).toBe(color);
  });
});

describe('seriesFromMetric', () => {
  it('colours response classes by health, but not when split by version', () => {
    const metric: Metric = {
      unit: 'rps',
      series: [
        { name: '2xx', labels: { class: '2xx' }, points: [] },
        { name: '5xx', labels: { class: '5xx' }, points: [] },
        { name: 'no response', labels: { class: 'no response' }, points: [] },
        { name: 'v2 · 5xx', labels: { version: 'v2', class: '5xx' }, points: [] },
        { name: 'p95', labels: { quantile: 'p95' }, points: [] },
      ],
    };
    expect(seriesFromMetric(metric).map((s) => [s.name, s.tone])).toEqual([
      ['2xx', 'ok'],
      ['5xx', 'error'],
      ['no response', 'muted'],
      ['v2 · 5xx', undefined],
      ['p95', undefined],
    ]);
  });
});

describe('summarize', () => {
  const t0 = Date.UTC(2026, 0, 5, 14, 0, 0) / 1000;
  const series: ChartSeries[] = [
    { name: '2xx', points: [[t0, 10], [t0 + 300, 15], [t0 + 600, 12.5]] },
    { name: '5xx', points: [[t0, null], [t0 + 300, null], [t0 + 600, null]] },
  ];

  it('says the span and each series\' latest and peak value', () => {
    expect(summarize('Request rate', series, 'rps', new Set(), 'UTC')).toBe(
      'Request rate, in requests per second, 14:00 to 14:10. 2xx: latest 12.5 rps, peak 15 rps; 5xx: no data.',
    );
  });

  it('leaves hidden series out and says how many', () => {
    expect(summarize('Request rate', series, 'rps', new Set(['5xx']), 'UTC')).toBe(
      'Request rate, in requests per second, 14:00 to 14:10. 2xx: latest 12.5 rps, peak 15 rps. 1 hidden.',
    );
  });

  it('says when there was no traffic', () => {
    expect(summarize('Error rate', [series[1] as ChartSeries], 'percent')).toBe('Error rate, in percent of requests: no traffic in this period.');
  });

  it('copes with a week of points in many series', () => {
    const big: ChartSeries[] = Array.from({ length: 15 }, (_, i) => ({ name: `s${i}`, points: Array.from({ length: 11_001 }, (_, j) => [t0 + j * 55, j] as const) }));
    expect(summarize('Latency', big, 'ms', new Set(), 'UTC')).toContain('s14: latest 11 s, peak 11 s');
  });
});

describe('axisMax', () => {
  it.each<[MetricUnit, number, number | 'auto']>([
    ['percent', 0, 0.01],
    ['percent', Number.NaN, 0.01],
    ['percent', 0.05, 0.055],
    ['percent', 0.98, 1],
    ['rps', 0, 'auto'],
    ['ms', 120, 'auto'],
  ])('%s with a largest value of %s', (unit, max, expected) => {
    const top = axisMax(unit, max);
    if (typeof expected === 'number') expect(top).toBeCloseTo(expected, 10);
    else expect(top).toBe(expected);
  });
});

describe('markersInRange', () => {
  const rows = chartRows([{ name: 'a', points: [[100, 1], [160, 2], [220, 3]] }]);

  it('keeps the markers inside the data, in seconds, oldest first', () => {
    const markers = [
      { at: 200_000, label: 'late' },
      { at: 99_000, label: 'before' },
      { at: 100_000, label: 'at the start' },
      { at: 220_500, label: 'after' },
    ];
    expect(markersInRange(markers, rows)).toEqual([
      { t: 100, label: 'at the start' },
      { t: 200, label: 'late' },
    ]);
  });

  it('has none without rows', () => {
    expect(markersInRange([{ at: 100_000, label: 'x' }], [])).toEqual([]);
  });
});
