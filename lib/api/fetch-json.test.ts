import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, sendJson } from './fetch-json';

afterEach(() => vi.unstubAllGlobals());

function stubBrowser(cookie: string, answer: Response) {
  const fetch = vi.fn(async (_path: string, _init?: RequestInit) => answer);
  vi.stubGlobal('document', { cookie });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('sendJson', () => {
  it('repeats the CSRF cookie in X-Meshscope-CSRF and sends the body as JSON', async () => {
    const fetch = stubBrowser('meshscope_theme=dark; meshscope_csrf=abc123', Response.json({ user: 'viewer' }));
    await expect(sendJson('POST', '/api/auth/login', { token: 't' })).resolves.toEqual({ user: 'viewer' });
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/auth/login');
    expect(init).toMatchObject({ method: 'POST', body: '{"token":"t"}', headers: { 'X-Meshscope-CSRF': 'abc123', 'Content-Type': 'application/json' } });
  });

  it('sends no body and no content type when there is none, and an empty token without the cookie', async () => {
    const fetch = stubBrowser('', Response.json({}));
    await sendJson('DELETE', '/api/x');
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.body).toBeUndefined();
    expect(init?.headers).toEqual({ Accept: 'application/json', 'X-Meshscope-CSRF': '' });
  });

  it("throws the server's error", async () => {
    stubBrowser('meshscope_csrf=a', Response.json({ error: { code: 'unauthorized', message: 'rejected' } }, { status: 401 }));
    await expect(sendJson('POST', '/api/auth/login', {})).rejects.toEqual(new ApiError(401, 'unauthorized', 'rejected'));
  });
});
