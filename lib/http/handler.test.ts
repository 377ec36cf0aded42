import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentIdentity, type Identity } from '../auth/context';
import { AppError, UpstreamError } from '../errors';
import { telemetry } from '../telemetry/instruments';
import { setLogSink } from '../telemetry/log';
import { jsonRoute } from './handler';

const identity = vi.hoisted(() => ({ next: async (_r: Request): Promise<Identity> => ({ kind: 'console' }) }));
vi.mock('../auth/identity', () => ({ identityOf: (r: Request) => identity.next(r) }));

let lines: Record<string, unknown>[] = [];
let restoreSink: () => void = () => undefined;

beforeEach(() => {
  lines = [];
  restoreSink = setLogSink((_level, line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  identity.next = async () => ({ kind: 'console' });
});
afterEach(() => restoreSink());

const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe('jsonRoute', () => {
  it('answers JSON with the caller request id echoed, and logs one line naming the route template', async () => {
    const route = jsonRoute(async (_req: Request, _c: ReturnType<typeof ctx>) => ({ ok: true }));
    const res = await route(new Request('http://console.test/api/namespaces/bookinfo/services', { headers: { 'X-Request-Id': 'abc-123' } }), ctx({ namespace: 'bookinfo', kind: 'services' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', requestId: 'abc-123', method: 'GET', route: '/api/namespaces/[namespace]/[kind]', status: 200 });
    expect(Object.keys(lines[0] ?? {}).slice(0, 3)).toEqual(['time', 'level', 'msg']);
    expect(lines[0]?.durationMs).toEqual(expect.any(Number));
  });

  it('replaces a malformed request id with a fresh one', async () => {
    const res = await jsonRoute(async (_req: Request) => ({}))(new Request('http://console.test/api/graph', { headers: { 'X-Request-Id': 'bad id\r\n' } }));
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps errors to their status and body, and records the request by status class', async () => {
    const metrics = telemetry();
    const labels = { method: 'GET', route: '/api/graph', status_class: '5xx' };
    const before = metrics.httpRequestDuration.count(labels);
    const res = await jsonRoute(async (_req: Request) => {
      throw new UpstreamError('prometheus', 'upstream_timeout', 'no answer within 1500 ms');
    })(new Request('http://console.test/api/graph?namespaces=a'));
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ error: { code: 'upstream_timeout', message: 'prometheus: no answer within 1500 ms', details: { upstream: 'prometheus' } } });
    expect(metrics.httpRequestDuration.count(labels) - before).toBe(1);
    expect(lines[0]).toMatchObject({ level: 'error', status: 504, error: { code: 'upstream_timeout', message: 'prometheus: no answer within 1500 ms' } });
  });

  it('hides an unexpected error from the body but logs what it was', async () => {
    const res = await jsonRoute(async (_req: Request) => {
      throw new TypeError('x is undefined');
    })(new Request('http://console.test/api/graph'));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(String(lines[0]?.cause)).toContain('TypeError: x is undefined');
  });

  it('runs the handler as the caller identity', async () => {
    identity.next = async (r) => ({ kind: 'token', token: r.headers.get('x-token') ?? '' });
    const res = await jsonRoute(async (_req: Request) => currentIdentity())(new Request('http://console.test/api/namespaces', { headers: { 'x-token': 't0k' } }));
    expect(await res.json()).toEqual({ kind: 'token', token: 't0k' });
  });

  it('answers 401 without calling the handler when the caller has no identity', async () => {
    identity.next = async () => {
      throw new AppError('unauthorized', 'not signed in');
    };
    const handler = vi.fn(async (_req: Request) => ({}));
    const res = await jsonRoute(handler)(new Request('http://console.test/api/namespaces'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'not signed in' } });
    expect(handler).not.toHaveBeenCalled();
    expect(lines[0]).toMatchObject({ level: 'info', status: 401 });
  });

  it('lets anyone reach a route marked so, without asking who they are', async () => {
    identity.next = async () => {
      throw new AppError('unauthorized', 'not signed in');
    };
    const res = await jsonRoute(async () => ({ status: 'ok' }), { anyone: true })(new Request('http://console.test/api/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
