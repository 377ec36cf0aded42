import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors';
import { traceMatchesTags } from './match';
import { otlpTracesData, tracesFromOtlp } from './otlp';
import { apiV3SearchQuery, parseServiceName, parseTraceId, parseTraceSearchParams, rfc3339Micros } from './search-params';

const NOW_US = 1_764_680_000_000_000;
const parse = (query: string) => parseTraceSearchParams(new URLSearchParams(query), NOW_US);

describe('parseTraceSearchParams', () => {
  it('fills the defaults: the last hour, 20 traces, no tags', () => {
    expect(parse('service=productpage.bookinfo')).toEqual({
      service: 'productpage.bookinfo',
      tags: {},
      startUs: NOW_US - 3600e6,
      endUs: NOW_US,
      limit: 20,
    });
  });

  it.each([
    ['tags=http.status_code=500', { 'http.status_code': '500' }],
    ['tags=a=1&tags=b=2', { a: '1', b: '2' }],
    ['tags=a=1,b=2', { a: '1', b: '2' }],
    ['tags=url=http://x/?q=1', { url: 'http://x/?q=1' }],
    ['tags=error=', { error: '' }],
    [`tags=${encodeURIComponent('{"k":"v,w","n":3,"b":true}')}`, { k: 'v,w', n: '3', b: 'true' }],
  ])('reads %s', (query, want) => expect(parse(`service=s&${query}`).tags).toEqual(want));

  it('reads the window, durations, operation and limit', () => {
    expect(parse('service=s&operation=GET /&start=1000000&end=2000000&minDuration=1.5ms&maxDuration=2s&limit=1500')).toEqual({
      service: 's',
      operation: 'GET /',
      tags: {},
      startUs: 1_000_000,
      endUs: 2_000_000,
      minDurationNs: 1.5e6,
      maxDurationNs: 2e9,
      limit: 1500,
    });
    expect(parse('service=s&lookback=2d')).toMatchObject({ startUs: NOW_US - 2 * 86_400e6, endUs: NOW_US });
    expect(parse('service=s&lookback=15m&end=9000000000')).toMatchObject({ startUs: 9_000_000_000 - 900e6, endUs: 9_000_000_000 });
  });

  it.each([
    ['', 'service'],
    ['service=', 'service'],
    ['service=s&tags=oops', 'tags'],
    ['service=s&tags=a=1,oops', 'tags'],
    ['service=s&tags==v', 'tags'],
    ['service=s&tags={bad', 'tags'],
    ['service=s&tags=[1]', 'tags'],
    ['service=s&start=yesterday', 'start'],
    ['service=s&end=1.5', 'end'],
    ['service=s&start=2000&end=1000', 'end'],
    ['service=s&start=1000&lookback=1h', 'lookback'],
    ['service=s&lookback=soon', 'lookback'],
    ['service=s&minDuration=fast', 'minDuration'],
    ['service=s&maxDuration=10', 'maxDuration'],
    ['service=s&minDuration=2s&maxDuration=1s', 'minDuration'],
    ['service=s&limit=0', 'limit'],
    ['service=s&limit=1501', 'limit'],
    ['service=s&limit=ten', 'limit'],
    ['service=s&limit=2.5', 'limit'],
  ])('rejects %s naming %s', (query, field) => {
    let thrown: unknown;
    try {
      parse(query);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BadRequestError);
    expect((thrown as BadRequestError).field).toBe(field);
  });
});

describe('rfc3339Micros', () => {
  it.each([
    [1485445591639875, '2017-01-26T15:46:31.639875Z'],
    [0, '1970-01-01T00:00:00.000000Z'],
    [1000001, '1970-01-01T00:00:01.000001Z'],
  ])('%d → %s', (us, want) => expect(rfc3339Micros(us)).toBe(want));
});

// Jaeger's storage integration suite: each search query with the traces it must return
// (../shared/reference/SOURCES.md §1). Durations there are Go time.Duration values, i.e. nanoseconds.
const STORAGE = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'jaeger-traces', 'jaeger-storage-integration');
interface StorageQuery {
  Caption: string;
  Query: {
    ServiceName: string;
    OperationName: string;
    Tags: Record<string, string | number | boolean> | null;
    StartTimeMin: string;
    StartTimeMax: string;
    DurationMin: number;
    DurationMax: number;
    NumTraces: number;
  };
  ExpectedFixtures: string[];
}
const queries = JSON.parse(readFileSync(join(STORAGE, 'queries.json'), 'utf8')) as StorageQuery[];
const micros = (rfc3339: string) => Date.parse(rfc3339) * 1000 + Number(/\.\d{3}(\d{3})Z$/.exec(rfc3339)?.[1] ?? 0);

describe.each(queries.map((q) => [q.Caption, q] as const))('storage-integration query "%s"', (_, { Query: q, ExpectedFixtures }) => {
  const ours = new URLSearchParams({ service: q.ServiceName, start: String(micros(q.StartTimeMin)), end: String(micros(q.StartTimeMax)), limit: String(q.NumTraces) });
  if (q.OperationName) ours.set('operation', q.OperationName);
  for (const [k, v] of Object.entries(q.Tags ?? {})) ours.append('tags', `${k}=${String(v)}`);
  if (q.DurationMin) ours.set('minDuration', `${q.DurationMin}ns`);
  if (q.DurationMax) ours.set('maxDuration', `${q.DurationMax}ns`);
  const params = parseTraceSearchParams(ours, NOW_US);

  it('maps to the api/v3 query Jaeger expects', () => {
    const want: Record<string, string> = {
      'query.service_name': q.ServiceName,
      'query.start_time_min': q.StartTimeMin,
      'query.start_time_max': q.StartTimeMax,
      'query.num_traces': String(q.NumTraces),
    };
    if (q.OperationName) want['query.operation_name'] = q.OperationName;
    if (q.Tags) want['query.attributes'] = JSON.stringify(Object.fromEntries(Object.entries(q.Tags).map(([k, v]) => [k, String(v)])));
    if (q.DurationMin) want['query.duration_min'] = `${q.DurationMin}ns`;
    if (q.DurationMax) want['query.duration_max'] = `${q.DurationMax}ns`;
    expect(Object.fromEntries(apiV3SearchQuery(params))).toEqual(want);
  });

  it('keeps the expected traces when the tags are matched here', () => {
    for (const fixture of ExpectedFixtures) {
      const data = otlpTracesData.parse(JSON.parse(readFileSync(join(STORAGE, 'traces', `${fixture}.json`), 'utf8')));
      const traces = tracesFromOtlp(data);
      expect(traces.length).toBeGreaterThan(0);
      for (const trace of traces) expect(traceMatchesTags(trace, params), fixture).toBe(true);
    }
  });
});

describe('traceMatchesTags', () => {
  const data = otlpTracesData.parse(JSON.parse(readFileSync(join(STORAGE, 'traces', 'span_tags_trace.json'), 'utf8')));
  const [trace] = tracesFromOtlp(data);
  it.each([
    [{}, true],
    [{ sameplacetag1: 'sameplacevalue', sameplacetag2: '123' }, true],
    [{ sameplacetag1: 'othervalue' }, false],
    [{ sameplacetag1: 'sameplacevalue', missing: 'x' }, false],
  ])('%j → %s', (tags, want) => expect(traceMatchesTags(trace!, { service: 'query01-service', tags })).toBe(want));

  it('looks only at spans of the searched service and operation', () => {
    const tags = { sameplacetag1: 'sameplacevalue' };
    const operation = trace!.spans[0]!.operation;
    expect(traceMatchesTags(trace!, { service: 'query01-service', operation, tags })).toBe(true);
    expect(traceMatchesTags(trace!, { service: 'query01-service', operation: 'other', tags })).toBe(false);
    expect(traceMatchesTags(trace!, { service: 'other-service', tags })).toBe(false);
  });
});

describe('parseTraceId and parseServiceName', () => {
  it.each([
    ['2EA75461946A7DD10F2C15AB36A076CB', '2ea75461946a7dd10f2c15ab36a076cb'],
    ['9082d67808fc8870', '9082d67808fc8870'],
  ])('accepts %s', (raw, want) => expect(parseTraceId(raw)).toBe(want));

  it.each(['', 'abc', '9082d67808fc887', '9082d67808fc8870a', 'zz82d67808fc8870', `${'a'.repeat(32)}0`])('rejects trace id %j', (raw) => {
    expect(() => parseTraceId(raw)).toThrow(BadRequestError);
  });

  it('trims a service name and rejects an empty or huge one', () => {
    expect(parseServiceName(' productpage.bookinfo ')).toBe('productpage.bookinfo');
    expect(() => parseServiceName('  ')).toThrow(/service/);
    expect(() => parseServiceName('x'.repeat(1025))).toThrow(/service/);
  });
});
