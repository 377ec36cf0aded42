import { describe, expect, it, vi } from 'vitest';
import type { TraceDetails, TraceOperationsResult, TraceSearchResult, TraceServicesResult } from './mesh/traces/types';

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls one of the real trace route handlers, as Next would, with the lab's Jaeger behind it. */
async function call<T, P = Record<string, never>>(load: () => Promise<{ GET: Handler<P> }>, url: string, params: P): Promise<{ status: number; body: T }> {
  vi.resetModules();
  const { GET } = await load();
  const res = await GET(new Request(`http://console.test${url}`), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as T };
}

const servicesRoute = () => import('../app/api/traces/services/route');
const operationsRoute = () => import('../app/api/traces/services/[service]/operations/route');
const operations = (service: string) =>
  call<TraceOperationsResult, { service: string }>(operationsRoute, `/api/traces/services/${encodeURIComponent(service)}/operations`, { service });
const search = (query: string) => call<TraceSearchResult>(() => import('../app/api/traces/route'), `/api/traces?${query}`, {});
const getTrace = (traceId: string) => call<TraceDetails, { traceId: string }>(() => import('../app/api/traces/[traceId]/route'), `/api/traces/${traceId}`, { traceId });
const PRODUCTPAGE = 'productpage.bookinfo';

// Against the lab: the simulator sends Envoy-style bookinfo spans to Jaeger, service names `<service>.<namespace>`.
describe('trace routes against the lab', () => {
  it('lists the bookinfo services and the operations of productpage', async () => {
    const services = await call<TraceServicesResult>(servicesRoute, '/api/traces/services', {});
    expect(services.status).toBe(200);
    expect(services.body.services).toEqual(expect.arrayContaining([PRODUCTPAGE, 'reviews.bookinfo', 'ratings.bookinfo', 'details.bookinfo']));

    const ops = await operations(PRODUCTPAGE);
    expect(ops.status).toBe(200);
    expect(ops.body.operations).toContainEqual({ name: 'productpage.bookinfo.svc.cluster.local:9080/*', spanKind: 'server' });
    expect(ops.body.operations).toContainEqual({ name: 'reviews.bookinfo.svc.cluster.local:9080/*', spanKind: 'client' });

    const none = await operations('no-such.service');
    expect(none).toEqual({ status: 200, body: { service: 'no-such.service', operations: [] } });
  });

  it('finds recent productpage traces, newest first, within the limit and window', async () => {
    const { status, body } = await search(`service=${PRODUCTPAGE}&lookback=5m&limit=5`);
    expect(status).toBe(200);
    expect(body.traces).toHaveLength(5);
    const starts = body.traces.map((t) => t.startUs);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const t of body.traces) {
      expect(t.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(t.services.map((s) => s.name)).toContain(PRODUCTPAGE);
      expect(t.startUs).toBeGreaterThanOrEqual(body.query.startUs - 60_000_000); // the root may start just before a child
      expect(t.spanCount).toBe(t.services.reduce((n, s) => n + s.spanCount, 0));
    }
  });

  it('fetches a found trace: one root, every parent present, a client and a server span per hop', async () => {
    const found = await search(`service=${PRODUCTPAGE}&lookback=5m&limit=3`);
    const summary = found.body.traces[0]!;
    const { status, body: trace } = await getTrace(summary.traceId.toUpperCase());
    expect(status).toBe(200);
    expect(trace.traceId).toBe(summary.traceId);
    expect(trace.spans).toHaveLength(summary.spanCount);
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    const roots = trace.spans.filter((s) => s.parentSpanId === undefined);
    expect(roots).toHaveLength(1);
    for (const span of trace.spans) {
      if (span.parentSpanId !== undefined) expect(byId.has(span.parentSpanId), span.spanId).toBe(true);
      expect(span.durationUs).toBeGreaterThanOrEqual(0);
      expect(span.startUs).toBeGreaterThan(1_700_000_000_000_000);
    }
    // Envoy writes each hop twice: the caller's sidecar a client span, the callee's sidecar a server span under it.
    const servers = trace.spans.filter((s) => s.kind === 'server');
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) {
      const client = byId.get(server.parentSpanId ?? '');
      expect(client?.kind).toBe('client');
      expect(client?.operation).toBe(server.operation);
      expect(client?.service).not.toBe(server.service);
    }
    expect(trace.spans.some((s) => s.service === PRODUCTPAGE && s.kind === 'server')).toBe(true);
    // The critical path runs from the root's start to its end.
    expect(trace.criticalPath[0]?.startUs).toBe(roots[0]!.startUs);
    expect(trace.criticalPath.at(-1)?.endUs).toBe(roots[0]!.startUs + roots[0]!.durationUs);
  });

  it('finds traces by operation', async () => {
    const operation = 'ratings.bookinfo.svc.cluster.local:9080/*';
    const { status, body } = await search(`service=reviews.bookinfo&operation=${encodeURIComponent(operation)}&lookback=5m&limit=3`);
    expect(status).toBe(200);
    expect(body.traces.length).toBeGreaterThan(0);
    for (const t of body.traces) {
      const trace = (await getTrace(t.traceId)).body;
      expect(trace.spans.some((s) => s.service === 'reviews.bookinfo' && s.operation === operation)).toBe(true);
    }
    const none = await search(`service=reviews.bookinfo&operation=no-such-operation&lookback=5m`);
    expect(none).toMatchObject({ status: 200, body: { traces: [] } });
  });

  it('finds traces by a tag, and none by a value no span has', async () => {
    const { status, body } = await search('service=reviews.bookinfo&tags=istio.canonical_revision=v3&lookback=5m&limit=5');
    expect(status).toBe(200);
    expect(body.traces.length).toBeGreaterThan(0);
    for (const t of body.traces) {
      const trace = (await getTrace(t.traceId)).body;
      expect(trace.spans.some((s) => s.service === 'reviews.bookinfo' && s.attributes['istio.canonical_revision'] === 'v3')).toBe(true);
    }
    const none = await search('service=reviews.bookinfo&tags=istio.canonical_revision=v9&lookback=5m&limit=5');
    expect(none).toMatchObject({ status: 200, body: { traces: [] } });
  });

  it('finds nothing, without an error, for an unknown service', async () => {
    expect(await search('service=no-such.service&lookback=5m')).toMatchObject({ status: 200, body: { traces: [] } });
  });

  it.each([
    ['', 'service'],
    ['service=x&tags=oops', 'tags'],
    ['service=x&minDuration=fast', 'minDuration'],
    ['service=x&start=2000&end=1000', 'end'],
    ['service=x&minDuration=2s&maxDuration=1s', 'minDuration'],
    ['service=x&limit=0', 'limit'],
  ])('answers 400 naming the field for %j', async (query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request', details: { field } } });
  });

  it('answers 400 for a malformed trace id and 404 for an unknown one', async () => {
    expect(await getTrace('not-a-trace-id')).toMatchObject({ status: 400, body: { error: { details: { field: 'traceId' } } } });
    expect(await getTrace('0123456789abcdef0123456789abcdef')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await getTrace('0123456789abcdef')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
