import { QueryResult } from 'prometheus-query';
import { describe, expect, it } from 'vitest';
import { readInstantResult, readRangeResult } from './results';

// Prometheus' own JSON (the `data` of /api/v1/query and /query_range), run through the driver as the client does.
const driver = (data: unknown) => QueryResult.fromJSON(data as Parameters<typeof QueryResult.fromJSON>[0]);

describe('readInstantResult', () => {
  it('maps labelled samples, keeping NaN and dropping __name__', () => {
    const raw = driver({
      resultType: 'vector',
      result: [
        { metric: { __name__: 'up', job: 'mesh-simulator' }, value: [1796209000.5, '1'] },
        { metric: { destination_workload: 'reviews-v2' }, value: [1796209000.5, 'NaN'] },
      ],
    });
    expect(readInstantResult(raw)).toEqual([
      { labels: { job: 'mesh-simulator' }, value: 1, timestamp: 1796209000500 },
      { labels: { destination_workload: 'reviews-v2' }, value: NaN, timestamp: 1796209000500 },
    ]);
  });

  it.each<[string, unknown]>([
    ['a matrix where a vector was expected', { resultType: 'matrix', result: [] }],
    ['a label that is not a string', { resultType: 'vector', result: [{ metric: { labels: { code: 200 } }, value: { time: new Date(0), value: 1 } }] }],
    ['a sample without a Date', { resultType: 'vector', result: [{ metric: { labels: {} }, value: { time: 0, value: 1 } }] }],
    ['no result at all', null],
  ])('rejects %s', (_name, raw) => {
    expect(readInstantResult(raw)).toBeUndefined();
  });
});

describe('readRangeResult', () => {
  it('maps series to [seconds, value] pairs; the driver reads "+Inf" (a quantile in the last bucket) as NaN', () => {
    const raw = driver({ resultType: 'matrix', result: [{ metric: { app: 'reviews' }, values: [[1796209000, '0.5'], [1796209005, '+Inf']] }] });
    expect(readRangeResult(raw)).toEqual([{ labels: { app: 'reviews' }, values: [[1796209000, 0.5], [1796209005, NaN]] }]);
  });

  it('rejects a series with a malformed sample', () => {
    expect(readRangeResult({ resultType: 'matrix', result: [{ metric: { labels: {} }, values: [{ time: new Date(0), value: '1' }] }] })).toBeUndefined();
  });
});
