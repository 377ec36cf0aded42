import { describe, expect, it } from 'vitest';
import { seededUniform } from './sampling';
import { otlpRequest, randomHex, type SpanRecord } from './tracer';

const span = (over: Partial<SpanRecord>): SpanRecord => ({
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  name: 'reviews.bookinfo.svc.cluster.local:9080/*',
  kind: 'client',
  service: 'productpage.bookinfo',
  startMs: 1_700_000_000_000.5,
  durationMs: 12.25,
  attributes: { 'http.status_code': 503, response_flags: 'UH', 'istio.canonical_service': 'productpage' },
  error: true,
  ...over,
});

describe('otlpRequest', () => {
  it('groups spans by service and writes OTLP/JSON kinds, nanosecond times, attributes and error status', () => {
    const body = otlpRequest([span({}), span({ spanId: 'c'.repeat(16), parentSpanId: 'b'.repeat(16), kind: 'server', service: 'reviews.bookinfo', error: false })]) as {
      resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    expect(body.resourceSpans).toHaveLength(2);
    expect(body.resourceSpans[0]?.resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'productpage.bookinfo' } }]);
    const client = body.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(client).toMatchObject({ kind: 3, startTimeUnixNano: '1700000000000500000', endTimeUnixNano: '1700000000012750000', status: { code: 2 } });
    expect(client.parentSpanId).toBeUndefined();
    expect(client.attributes).toEqual([
      { key: 'http.status_code', value: { intValue: '503' } },
      { key: 'response_flags', value: { stringValue: 'UH' } },
      { key: 'istio.canonical_service', value: { stringValue: 'productpage' } },
    ]);
    const server = body.resourceSpans[1]!.scopeSpans[0]!.spans[0]!;
    expect(server).toMatchObject({ kind: 2, parentSpanId: 'b'.repeat(16), status: {} });
  });

  it('makes ids of the right length from the seeded source, reproducibly', () => {
    const a = seededUniform(4);
    const b = seededUniform(4);
    const ids = [randomHex(a, 16), randomHex(a, 8)];
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toMatch(/^[0-9a-f]{16}$/);
    expect([randomHex(b, 16), randomHex(b, 8)]).toEqual(ids);
  });
});
