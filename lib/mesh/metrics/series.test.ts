import { describe, expect, it } from 'vitest';
import type { MetricsParams } from './params';
import { codeClass, errorRateSeries, goldenSignals, isFailure, partSeries, requestRateSeries, sumPoints, toPoints, type MatrixSeries, type MetricsResults } from './series';
import type { TimeGrid } from './step';
import type { Point } from './types';

// Five instants, ten seconds apart: 1000, 1010, 1020, 1030, 1040.
const GRID: TimeGrid = { start: 1000, end: 1040, step: 10, count: 5 };
const at = (...values: (number | null)[]): Point[] => values.map((v, i) => [1000 + i * 10, v]);
// A matrix series from values per instant; null means Prometheus returned no sample there.
const series = (labels: Record<string, string>, ...values: (number | null)[]): MatrixSeries => ({
  labels,
  values: values.flatMap((v, i) => (v === null ? [] : [[1000 + i * 10, v] as const])),
});

describe('toPoints', () => {
  it('puts samples on the grid and leaves missing instants as gaps, not zeros', () => {
    const values = [
      [1000, 1.5],
      [1010.0001, 2], // float noise in the timestamp
      [1030, 0], // a real zero stays a zero
      [1040, Number.NaN], // 0 ÷ 0, e.g. a quantile over no requests
      [1050, 9], // outside the grid
      [990, 9],
    ] as const;
    expect(toPoints(values, GRID)).toEqual(at(1.5, 2, null, 0, null));
  });

  it('turns infinities into gaps', () => {
    expect(toPoints([[1000, Number.POSITIVE_INFINITY], [1010, Number.NEGATIVE_INFINITY]], GRID)).toEqual(at(null, null, null, null, null));
  });
});

describe('sumPoints', () => {
  it('is null only where every series is null', () => {
    expect(sumPoints([at(1, null, null, 0, 2), at(2, 3, null, null, 0.5)], GRID)).toEqual(at(3, 3, null, 0, 2.5));
  });
});

describe('codeClass', () => {
  it.each([
    ['200', '2xx'],
    ['204', '2xx'],
    ['301', '3xx'],
    ['404', '4xx'],
    ['503', '5xx'],
    ['101', '1xx'],
    ['0', 'no response'],
    ['', 'other'],
    ['600', 'other'],
    ['5000', 'other'],
    [undefined, 'other'],
  ])('%j → %s', (code, cls) => {
    expect(codeClass(code)).toBe(cls);
  });
});

describe('isFailure', () => {
  it.each<[Record<string, string>, boolean]>([
    [{ request_protocol: 'http', response_code: '200', grpc_response_status: '' }, false],
    [{ request_protocol: 'http', response_code: '404' }, false],
    [{ request_protocol: 'http', response_code: '500' }, true],
    [{ request_protocol: 'http', response_code: '503' }, true],
    [{ request_protocol: 'http', response_code: '0' }, true],
    [{ request_protocol: 'grpc', response_code: '200', grpc_response_status: '0' }, false],
    [{ request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' }, true],
    // Only a gRPC request carries a meaningful gRPC status.
    [{ request_protocol: 'http', response_code: '200', grpc_response_status: '2' }, false],
  ])('%j → %s', (labels, failed) => {
    expect(isFailure(labels)).toBe(failed);
  });
});

const http = (code: string, extra: Record<string, string> = {}) => ({ request_protocol: 'http', response_code: code, grpc_response_status: '', ...extra });

describe('requestRateSeries', () => {
  it('sums codes into classes, keeping instants where no code had a sample as gaps', () => {
    const matrix = [
      series(http('200'), 10, 10, null, 10, 10),
      series(http('201'), 1, null, null, 1, null),
      series(http('503'), 0.5, 0.5, null, 0, 0),
      series(http('404'), null, null, null, 2, 2),
      series(http('0'), 0.1, 0.1, null, 0.1, 0.1),
    ];
    expect(requestRateSeries(matrix, GRID, [])).toEqual([
      { name: '2xx', labels: { class: '2xx' }, points: at(11, 10, null, 11, 10) },
      { name: '4xx', labels: { class: '4xx' }, points: at(null, null, null, 2, 2) },
      { name: '5xx', labels: { class: '5xx' }, points: at(0.5, 0.5, null, 0, 0) },
      { name: 'no response', labels: { class: 'no response' }, points: at(0.1, 0.1, null, 0.1, 0.1) },
    ]);
  });

  it('splits by version, versions in natural order', () => {
    const v = (version: string, code: string) => http(code, { destination_canonical_revision: version });
    const matrix = [series(v('v10', '200'), 1, 1, 1, 1, 1), series(v('v2', '500'), 2, 2, 2, 2, 2), series(v('v2', '200'), 3, 3, 3, 3, 3), series(http('200'), 4, 4, 4, 4, 4)];
    expect(requestRateSeries(matrix, GRID, ['destination_canonical_revision']).map((s) => [s.name, s.labels])).toEqual([
      // A series without the version label is shown as `unknown`, as Istio names a missing peer.
      ['unknown · 2xx', { version: 'unknown', class: '2xx' }],
      ['v2 · 2xx', { version: 'v2', class: '2xx' }],
      ['v2 · 5xx', { version: 'v2', class: '5xx' }],
      ['v10 · 2xx', { version: 'v10', class: '2xx' }],
    ]);
  });
});

describe('errorRateSeries', () => {
  it('divides failures by all requests; gaps and zero traffic have no error rate', () => {
    const matrix = [
      series(http('200'), 9, 10, null, 0, 4),
      series(http('503'), 1, null, null, 0, null),
      series(http('0'), null, null, null, 0, 1),
      series({ request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' }, null, null, null, 0, 5),
    ];
    expect(errorRateSeries(matrix, GRID, [])).toEqual([{ name: 'errors', labels: { class: 'errors' }, points: at(0.1, 0, null, null, 0.6) }]);
  });

  it('gives one error rate per version', () => {
    const v = (version: string, code: string) => http(code, { destination_canonical_revision: version });
    const matrix = [series(v('v1', '200'), 4, 4, 4, 4, 4), series(v('v2', '200'), 3, 3, 3, 3, 3), series(v('v2', '500'), 1, 1, 1, 1, 1)];
    expect(errorRateSeries(matrix, GRID, ['destination_canonical_revision'])).toEqual([
      { name: 'v1 · errors', labels: { version: 'v1', class: 'errors' }, points: at(0, 0, 0, 0, 0) },
      { name: 'v2 · errors', labels: { version: 'v2', class: 'errors' }, points: at(0.25, 0.25, 0.25, 0.25, 0.25) },
    ]);
  });

  it('has no series without traffic', () => {
    expect(errorRateSeries([], GRID, [])).toEqual([]);
  });
});

describe('partSeries', () => {
  it('names peer-split series by the peer app and its version', () => {
    const split = ['destination_canonical_service', 'destination_canonical_revision'];
    const matrix = [
      series({ destination_canonical_service: 'reviews', destination_canonical_revision: 'v2' }, 20, null, 30, 30, 30),
      series({ destination_canonical_service: 'details', destination_canonical_revision: 'v1' }, 5, 5, 5, 5, 5),
    ];
    expect(partSeries(matrix, GRID, split, 'quantile', 'p95')).toEqual([
      { name: 'details v1 · p95', labels: { peer: 'details', version: 'v1', quantile: 'p95' }, points: at(5, 5, 5, 5, 5) },
      { name: 'reviews v2 · p95', labels: { peer: 'reviews', version: 'v2', quantile: 'p95' }, points: at(20, null, 30, 30, 30) },
    ]);
  });
});

const PARAMS: MetricsParams = { namespace: 'bookinfo', kind: 'apps', name: 'reviews', direction: 'inbound', duration: 40, byVersion: false };
const NOTHING: MetricsResults = { requests: [], p50: [], p95: [], p99: [], latencyAvg: [], requestSize: [], responseSize: [], tcpSent: [], tcpReceived: [] };

describe('goldenSignals', () => {
  it('maps each query into its metric with its unit', () => {
    const results: MetricsResults = {
      ...NOTHING,
      requests: [series(http('200'), 10, 10, 10, 10, 10)],
      p50: [series({}, 5, 5, 5, 5, 5)],
      p95: [series({}, 20, 20, 20, 20, 20)],
      p99: [series({}, 40, 40, 40, 40, 40)],
      latencyAvg: [series({}, 8, 8, 8, 8, 8)],
      requestSize: [series({}, 100, 100, 100, 100, 100)],
      responseSize: [series({}, 2048, 2048, 2048, 2048, 2048)],
    };
    const g = goldenSignals(PARAMS, GRID, 20, results);
    expect({ ...g, metrics: undefined }).toEqual({ ...PARAMS, duration: undefined, start: 1000, end: 1040, step: 10, rateWindow: 20, metrics: undefined });
    expect(Object.fromEntries(Object.entries(g.metrics).map(([k, m]) => [k, [m.unit, m.series.map((s) => s.name)]]))).toEqual({
      requestRate: ['rps', ['2xx']],
      errorRate: ['percent', ['errors']],
      latency: ['ms', ['p50', 'p95', 'p99', 'avg']],
      requestSize: ['bytes', ['avg']],
      responseSize: ['bytes', ['avg']],
      tcpSent: ['Bps', []],
      tcpReceived: ['Bps', []],
    });
    expect(g.metrics.responseSize.series[0]?.points).toEqual(at(2048, 2048, 2048, 2048, 2048));
  });

  it('groups latency by version, each version with its quantiles in order', () => {
    const rev = (v: string) => ({ destination_canonical_revision: v });
    const both = (value: number) => [series(rev('v2'), value, value, value, value, value), series(rev('v1'), value, value, value, value, value)];
    const results: MetricsResults = { ...NOTHING, p50: both(1), p95: both(2), p99: both(3), latencyAvg: both(1.5) };
    expect(goldenSignals({ ...PARAMS, byVersion: true }, GRID, 20, results).metrics.latency.series.map((s) => s.name)).toEqual([
      'v1 · p50',
      'v1 · p95',
      'v1 · p99',
      'v1 · avg',
      'v2 · p50',
      'v2 · p95',
      'v2 · p99',
      'v2 · avg',
    ]);
  });

  it('returns no series at all where there was no traffic, and carries the peer', () => {
    const peer = { namespace: 'bookinfo', kind: 'apps', name: 'productpage' } as const;
    const g = goldenSignals({ ...PARAMS, peer }, GRID, 20, NOTHING);
    expect(g.peer).toEqual(peer);
    expect(Object.values(g.metrics).flatMap((m) => m.series)).toEqual([]);
  });
});
