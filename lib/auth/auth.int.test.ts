import { afterEach, describe, expect, it, vi } from 'vitest';
import { sealSession } from './session';

// Runs against the lab's real kube-apiserver: the admin (system:masters) and a viewer that may read everything
// and change nothing. Routes are imported afresh per environment so each strategy's settings are read anew.

const SECRET = 'integration-test-session-secret-0123456789';
const env = (name: string) => process.env[name] ?? '';
const TOKEN_STRATEGY = { MESHSCOPE_AUTH_STRATEGY: 'token', MESHSCOPE_SESSION_SECRET: SECRET };
const UPDATE_VS = 'verb=update&group=networking.istio.io&resource=virtualservices&namespace=bookinfo';
const LIST_VS = 'verb=list&group=networking.istio.io&resource=virtualservices&namespace=bookinfo';

type Result<T = unknown> = { status: number; body: T; setCookie: string[] };
type ErrorBody = { error: { code: string; message: string } };

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  vi.unstubAllEnvs();
  vi.resetModules();
  // The console's own identity: what scripts/test.ts gives it, else the lab's admin.
  vi.stubEnv('KUBECONFIG', env('KUBECONFIG') || env('KUBECONFIG_ADMIN'));
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return run();
}
afterEach(() => vi.unstubAllEnvs());

async function result<T>(res: Response): Promise<Result<T>> {
  return { status: res.status, body: (await res.json()) as T, setCookie: res.headers.getSetCookie() };
}

const request = (path: string, init: RequestInit = {}) => new Request(`http://console.test${path}`, init);
const withCookie = (setCookie: string[]) => ({ Cookie: (setCookie[0] ?? '').split(';')[0] ?? '' });

async function login(token: string, vars: Record<string, string> = TOKEN_STRATEGY): Promise<Result<{ user: string | null }>> {
  return withEnv(vars, async () => {
    const { POST } = await import('../../app/api/auth/login/route');
    return result(await POST(request('/api/auth/login', { method: 'POST', body: JSON.stringify({ token }) })));
  });
}

async function canI(query: string, headers: Record<string, string>, vars: Record<string, string> = TOKEN_STRATEGY): Promise<Result<{ allowed: boolean }>> {
  return withEnv(vars, async () => {
    const { GET } = await import('../../app/api/auth/can-i/route');
    return result(await GET(request(`/api/auth/can-i?${query}`, { headers })));
  });
}

async function sessionInfo(headers: Record<string, string>, vars: Record<string, string> = TOKEN_STRATEGY): Promise<Result<Record<string, unknown>>> {
  return withEnv(vars, async () => {
    const { GET } = await import('../../app/api/auth/session/route');
    return result(await GET(request('/api/auth/session', { headers })));
  });
}

async function namespaces(headers: Record<string, string>): Promise<Result<{ namespaces: { name: string }[] } & Partial<ErrorBody>>> {
  return withEnv(TOKEN_STRATEGY, async () => {
    const { GET } = await import('../../app/api/namespaces/route');
    // The handler takes no arguments, but Next passes the request, and jsonRoute finds the identity in it.
    const get = GET as unknown as (req: Request) => Promise<Response>;
    return result(await get(request('/api/namespaces', { headers })));
  });
}

describe('token strategy against the lab', () => {
  it('signs the viewer in: a sealed httpOnly cookie and the name the API server gives', async () => {
    const { status, body, setCookie } = await login(env('KUBE_VIEWER_TOKEN'));
    expect(status).toBe(200);
    expect(body.user).toBe('meshscope-viewer');
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0]).toMatch(/^meshscope_session=v1\.[\w-]+; Path=\/; SameSite=Strict; Max-Age=28800; HttpOnly$/);
    expect(setCookie[0]).not.toContain(env('KUBE_VIEWER_TOKEN'));

    const session = await sessionInfo(withCookie(setCookie));
    expect(session.body).toEqual({ strategy: 'token', authenticated: true, user: 'meshscope-viewer', readOnly: false });
    expect((await sessionInfo({})).body).toEqual({ strategy: 'token', authenticated: false, readOnly: false });
  });

  it('takes the token with a Bearer prefix too', async () => {
    expect((await login(`Bearer ${env('KUBE_VIEWER_TOKEN')}`)).body.user).toBe('meshscope-viewer');
  });

  it('refuses a bogus token with 401 and a clear message, and sets no cookie', async () => {
    const { status, body, setCookie } = await login('not-a-real-token-0123456789');
    expect(status).toBe(401);
    expect((body as unknown as ErrorBody).error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/rejected this token/) });
    expect(setCookie).toEqual([]);
  });

  it('answers 400 naming the token field for an empty one', async () => {
    const { status, body } = await login('   ');
    expect(status).toBe(400);
    expect((body as unknown as ErrorBody).error.message).toBe('token: is required');
  });

  it('asks the API server as the viewer: may read VirtualServices, may not update them', async () => {
    const cookie = withCookie((await login(env('KUBE_VIEWER_TOKEN'))).setCookie);
    expect((await canI(LIST_VS, cookie)).body).toEqual({ allowed: true });
    expect((await canI(UPDATE_VS, cookie)).body).toEqual({ allowed: false });
    expect((await canI('verb=list&group=&resource=namespaces', cookie)).body).toEqual({ allowed: true });
  });

  it('asks as the admin: may update them', async () => {
    const cookie = withCookie((await login(env('KUBE_ADMIN_TOKEN'))).setCookie);
    expect((await canI(UPDATE_VS, cookie)).body).toEqual({ allowed: true });
  });

  it('can-i needs a session (401) and names a bad field (400)', async () => {
    expect((await canI(UPDATE_VS, {})).status).toBe(401);
    const cookie = withCookie((await login(env('KUBE_VIEWER_TOKEN'))).setCookie);
    const bad = await canI('verb=update&resource=Virtual%20Services', cookie);
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).error.message).toMatch(/^resource: /);
  });

  it('reads namespaces as the session’s user: the viewer’s token works, a rejected one is 401, none is 401', async () => {
    const viewer = await namespaces(withCookie((await login(env('KUBE_VIEWER_TOKEN'))).setCookie));
    expect(viewer.status).toBe(200);
    expect(viewer.body.namespaces.map((n) => n.name)).toContain('bookinfo');
    // A well-sealed cookie whose token the API server rejects: only acting as that token can fail this way.
    const revoked = await namespaces({ Cookie: `meshscope_session=${sealSession({ token: 'revoked-token-0123456789' }, SECRET)}` });
    expect(revoked.status).toBe(401);
    expect((await namespaces({})).status).toBe(401);
  });
});

describe('other strategies against the lab', () => {
  it('anonymous read-only: the console (an admin here) may read but is never offered a write', async () => {
    const readOnly = { MESHSCOPE_AUTH_STRATEGY: 'anonymous', MESHSCOPE_READ_ONLY: 'true' };
    expect((await canI(UPDATE_VS, {}, readOnly)).body).toEqual({ allowed: false });
    expect((await canI(LIST_VS, {}, readOnly)).body).toEqual({ allowed: true });
    expect((await canI(UPDATE_VS, {}, { MESHSCOPE_AUTH_STRATEGY: 'anonymous' })).body).toEqual({ allowed: true });
    expect((await sessionInfo({}, readOnly)).body).toEqual({ strategy: 'anonymous', authenticated: false, readOnly: true });
    expect((await login(env('KUBE_VIEWER_TOKEN'), readOnly)).status).toBe(404);
  });

  it('header: acts as the token the proxy forwards', async () => {
    const header = { MESHSCOPE_AUTH_STRATEGY: 'header' };
    const forwarded = { 'X-Forwarded-Access-Token': `Bearer ${env('KUBE_VIEWER_TOKEN')}` };
    expect((await sessionInfo(forwarded, header)).body).toEqual({ strategy: 'header', authenticated: true, user: 'meshscope-viewer', readOnly: false });
    expect((await canI(UPDATE_VS, forwarded, header)).body).toEqual({ allowed: false });
    expect((await canI(UPDATE_VS, {}, header)).status).toBe(401);
  });
});
