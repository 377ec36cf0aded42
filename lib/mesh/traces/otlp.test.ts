import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiV3TracesResponse, nanosToMicros, normalizeId, otlpTracesData, rootSpans, summarizeTrace, toAttributes, tracesFromOtlp } from './otlp';

// Real recorded traces from Jaeger, jaeger-ui and Kiali (../shared/reference/SOURCES.md §1).
const REF = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'jaeger-traces');
const read = (path: string): unknown => JSON.parse(readFileSync(join(REF, path), 'utf8'));

describe('normalizeId', () => {
  it.each([
    ['2EA75461946A7DD10F2C15AB36A076CB', '2ea75461946a7dd10f2c15ab36a076cb'],
    ['9082d67808fc8870', '9082d67808fc8870'],
    ['O6VWCcPN5JZJzXfR+dzZNg==', '3ba55609c3cde49649cd77d1f9dcd936'],
    ['Sc130fnc2TY=', '49cd77d1f9dcd936'],
  ])('%s → %s', (input, want) => expect(normalizeId(input)).toBe(want));
});

describe('nanosToMicros', () => {
  it.each([
    ['1782036644636668325', 1782036644636668],
    ['999', 0],
    ['', 0],
    [undefined, 0],
    ['not a number', 0],
    // Beyond 2^53 ns a float would round the last digits; BigInt keeps them.
    ['9007199254740993999', 9007199254740993],
  ])('%s → %d', (input, want) => expect(nanosToMicros(input)).toBe(want));
});

describe('toAttributes', () => {
  it.each([
    [{ stringValue: 'x' }, 'x'],
    [{ intValue: '42' }, 42],
    [{ intValue: 7 }, 7],
    [{ doubleValue: 0.5 }, 0.5],
    [{ boolValue: false }, false],
    [{ arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }] } }, '["a",1]'],
    [{ kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } }, '{"k":true}'],
    [{}, ''],
    [undefined, ''],
  ])('%j → %j', (value, want) => expect(toAttributes([{ key: 'a', value }])).toEqual({ a: want }));

  it('keeps the last of a repeated key', () => {
    expect(toAttributes([{ key: 'a', value: { stringValue: '1' } }, { key: 'a', value: { stringValue: '2' } }])).toEqual({ a: '2' });
  });
});

describe('HotROD trace from Jaeger api/v3 GetTrace', () => {
  const [trace, ...others] = tracesFromOtlp(apiV3TracesResponse.parse(read('apiv3-otlp/hotrod-getTrace-response.json')).result);

  it('holds one trace of 40 spans, 6 services and 3 errors', () => {
    expect(others).toHaveLength(0);
    const summary = summarizeTrace(trace!);
    expect(summary).toMatchObject({
      traceId: '2ea75461946a7dd10f2c15ab36a076cb',
      rootService: 'frontend',
      rootOperation: 'GET /dispatch',
      startUs: 1782036644630407,
      durationUs: 1782036645333015 - 1782036644630407,
      spanCount: 40,
      serviceCount: 6,
      errorCount: 3,
    });
    expect(summary.services.map((s) => s.name)).toEqual(['customer', 'driver', 'frontend', 'mysql', 'redis-manual', 'route']);
    expect(summary.services.reduce((n, s) => n + s.spanCount, 0)).toBe(40);
  });

  it('has one root and every other parent present', () => {
    expect(rootSpans(trace!).map((s) => s.spanId)).toEqual(['c8d93156b47cd010']);
    expect(trace!.spans[0]!.spanId).toBe('c8d93156b47cd010');
  });

  it('maps a client span: kind, attributes typed, status unset', () => {
    const span = trace!.spans.find((s) => s.spanId === '9082d67808fc8870')!;
    expect(span).toMatchObject({
      parentSpanId: 'c8d93156b47cd010',
      service: 'frontend',
      operation: 'HTTP GET',
      kind: 'client',
      startUs: 1782036644636668,
      durationUs: 1782036644898226 - 1782036644636668,
      status: { code: 'unset' },
      error: false,
      scope: { name: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', version: '0.69.0', attributes: {} },
    });
    expect(span.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200, 'server.port': 8081 });
    expect(span.resourceAttributes['host.name']).toBe('2fd43f7d79c6');
  });

  it('flags the error spans from status code 2 with the message', () => {
    const errors = trace!.spans.filter((s) => s.error);
    expect(errors.map((s) => s.spanId).sort()).toEqual(['07ec899a462aa19a', '515f970d6a704d52', '86be964c30cd8888']);
    expect(errors.every((s) => s.status.code === 'error' && s.status.message === 'An error occurred')).toBe(true);
  });
});

describe('an error attribute without an error status', () => {
  it.each([
    [{ boolValue: true }, true],
    [{ stringValue: 'true' }, true],
    [{ boolValue: false }, false],
    [{ stringValue: 'false' }, false],
  ])('error=%j → %s', (value, want) => {
    const data = otlpTracesData.parse({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '00000000000000000000000000000001', spanId: '0000000000000002', attributes: [{ key: 'error', value }] }] }] }],
    });
    const span = tracesFromOtlp(data)[0]!.spans[0]!;
    expect(span.error).toBe(want);
    expect(span.service).toBe('unknown');
  });
});

describe('Jaeger query snapshots', () => {
  it.each(['GetTrace.json', 'FindTraces.json'])('%s: one error server span', (file) => {
    const traces = tracesFromOtlp(apiV3TracesResponse.parse(read(`apiv3-otlp/jaeger-query-snapshots/${file}`)).result);
    expect(traces).toHaveLength(1);
    expect(traces[0]!.spans[0]).toMatchObject({ spanId: '0000000000000002', kind: 'server', operation: 'foobar', error: true, startUs: 0, durationUs: 0 });
  });
});

describe('Istio bookinfo spans from Tempo (base64 ids, kind names)', () => {
  const batches = (read('kiali-istio-tempo/responseTrace.json') as { batches: unknown }).batches;
  const [trace] = tracesFromOtlp(otlpTracesData.parse({ resourceSpans: batches }));
  it('links 8 spans under one root in 5 services', () => {
    expect(trace!.spans).toHaveLength(8);
    expect(rootSpans(trace!)).toHaveLength(1);
    expect(summarizeTrace(trace!).serviceCount).toBe(5);
    expect(trace!.spans.every((s) => /^[0-9a-f]{16}$/.test(s.spanId) && s.kind !== 'unspecified')).toBe(true);
  });
});

// jaeger's own OTLP→Jaeger-model conversion fixtures: ours must agree on ids, times, parent, service and tags.
interface JaegerTag {
  key: string;
  value: unknown;
}
interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: { refType: string; spanID: string }[];
  startTime: number;
  duration: number;
  tags: JaegerTag[];
  logs: { timestamp: number; fields: JaegerTag[] }[];
  processID: string;
}
interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags: JaegerTag[] }>;
}

describe.each([
  ['otlp2jaeger-in.json', 'otlp2jaeger-out.json'],
  ['jaeger-query-otlp2jaeger-in.json', 'jaeger-query-otlp2jaeger-out.json'],
])('%s against %s', (input, output) => {
  const ours = tracesFromOtlp(otlpTracesData.parse(read(`otlp-to-jaeger-pairs/${input}`)));
  const theirs = (read(`otlp-to-jaeger-pairs/${output}`) as { data: JaegerTrace[] }).data;

  it('has the same traces and span counts', () => {
    expect(ours.map((t) => [t.traceId, t.spans.length]).sort()).toEqual(theirs.map((t) => [t.traceID, t.spans.length]).sort());
  });

  it('agrees span by span', () => {
    for (const jt of theirs) {
      const trace = ours.find((t) => t.traceId === jt.traceID)!;
      // The fixtures repeat span ids, so spans are compared in order within a trace after sorting both the same way.
      const mine = [...trace.spans].sort((a, b) => a.startUs - b.startUs || a.spanId.localeCompare(b.spanId));
      const want = [...jt.spans].sort((a, b) => a.startTime - b.startTime || a.spanID.localeCompare(b.spanID));
      want.forEach((j, i) => {
        const s = mine[i]!;
        expect(s.spanId).toBe(j.spanID);
        expect(s.operation).toBe(j.operationName);
        expect(s.startUs).toBe(j.startTime);
        expect(s.durationUs).toBe(j.duration);
        expect(s.parentSpanId).toBe(j.references.find((r) => r.refType === 'CHILD_OF')?.spanID);
        const process = jt.processes[j.processID]!;
        expect(s.service).toBe(process.serviceName === '' ? 'unknown' : process.serviceName);
        const tags = Object.fromEntries(j.tags.map((t) => [t.key, t.value]));
        for (const [key, value] of Object.entries(s.attributes)) expect(tags[key], key).toEqual(value);
        expect(s.error).toBe(tags.error === true);
        expect(s.events.map((e) => e.timeUs)).toEqual(j.logs.map((l) => l.timestamp));
      });
    }
  });
});

describe('Jaeger memory-store fixture: several traces, scopes, every value type', () => {
  const traces = tracesFromOtlp(otlpTracesData.parse(read('apiv3-otlp/jaeger-memory-otel_traces_01.json')));

  it('splits 4 spans into 2 traces and keeps each scope', () => {
    expect(traces.map((t) => [t.traceId, t.spans.map((s) => s.spanId)])).toEqual([
      ['00000000000000010000000000000000', ['0000000000000002', '0000000000000004']],
      ['00000000000000020000000000000000', ['0000000000000003', '0000000000000005']],
    ]);
    const span = traces[0]!.spans[0]!;
    expect(span.scope).toEqual({ name: 'testing-library-2', version: '1.1.1', attributes: { 'scope.attributes.2': 'attribute-y' } });
    expect(traces.flatMap((t) => t.spans.map((s) => s.kind))).toEqual(['server', 'producer', 'client', 'consumer']);
  });

  it('flattens int, double and bytes values and keeps events and links', () => {
    const span = traces[0]!.spans[0]!;
    expect(span.attributes).toEqual({ 'peer.service': 'service-y', 'peer.ipv4': 23456, blob: 'AAAwOQ==', temperature: 72.5 });
    expect(span.events).toEqual([
      { timeUs: 1485467191639875, name: 'testing-event', attributes: { 'event-x': 'event-y' } },
      { timeUs: 1485467191639875, name: '', attributes: { x: 'y' } },
    ]);
    expect(span.links).toEqual([
      { traceId: '00000000000000010000000000000000', spanId: '0000000000000004', attributes: { 'opentracing.ref_type': 'follows_from' } },
      { traceId: '00000000000000ff0000000000000000', spanId: '00000000000000ff', attributes: { 'opentracing.ref_type': 'child_of' } },
    ]);
    expect(span).toMatchObject({ parentSpanId: '0000000000000003', durationUs: 5, error: true, status: { code: 'error' } });
  });
});
