import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfCookieFor, csrfDecision, type CsrfInput } from './csrf';

const TOKEN = 'ab'.repeat(32);
const base: CsrfInput = { method: 'POST', pathname: '/api/auth/login', cookie: TOKEN, header: TOKEN, origin: null, hosts: ['console.test:3000', null] };

describe('csrfDecision', () => {
  it.each<[string, Partial<CsrfInput>, boolean]>([
    ['matching header and cookie, no Origin', {}, true],
    ['matching, same-origin Origin', { origin: 'http://console.test:3000' }, true],
    ['matching, Origin of the forwarded host', { origin: 'https://meshscope.example', hosts: ['10.0.0.7:3000', 'meshscope.example'] }, true],
    ['Origin host compared case-insensitively', { origin: 'http://CONSOLE.test:3000' }, true],
    ['GET needs nothing', { method: 'GET', cookie: undefined, header: null, origin: 'https://evil.example' }, true],
    ['HEAD and OPTIONS need nothing', { method: 'OPTIONS', cookie: undefined, header: null }, true],
    ['a POST outside /api needs nothing', { pathname: '/login', cookie: undefined, header: null }, true],
    ['/apis is not /api', { pathname: '/apis/x', cookie: undefined, header: null }, true],
    ['no header', { header: null }, false],
    ['no cookie', { cookie: undefined }, false],
    ['neither', { cookie: undefined, header: null }, false],
    ['a different header', { header: 'cd'.repeat(32) }, false],
    ['a header of another length', { header: TOKEN.slice(1) }, false],
    ['PUT without the header', { method: 'put', pathname: '/api/namespaces/bookinfo/services/reviews/traffic', header: null }, false],
    ['PATCH without the header', { method: 'PATCH', header: null }, false],
    ['DELETE without the header', { method: 'DELETE', header: null }, false],
    ['a foreign Origin even with the token', { origin: 'https://evil.example' }, false],
    ['an Origin on another port', { origin: 'http://console.test:4000' }, false],
    ['Origin null (sandboxed frame)', { origin: 'null' }, false],
    ['a garbled Origin', { origin: 'not a url' }, false],
  ])('%s → %s', (_, change, ok) => {
    expect(csrfDecision({ ...base, ...change }).ok).toBe(ok);
  });

  it('says what is missing', () => {
    expect(csrfDecision({ ...base, header: null })).toEqual({
      ok: false,
      message: "missing or wrong CSRF token: send the meshscope_csrf cookie's value in the X-Meshscope-CSRF header",
    });
    expect(csrfDecision({ ...base, origin: 'https://evil.example' })).toEqual({ ok: false, message: 'cross-origin request refused: Origin https://evil.example is not this console' });
  });
});

describe('checkCsrf and csrfCookieFor', () => {
  it('reads the cookie, header, Origin and Host of a real request', () => {
    const headers = { Cookie: `meshscope_csrf=${TOKEN}`, 'X-Meshscope-CSRF': TOKEN, Origin: 'http://console.test', Host: 'console.test' };
    expect(checkCsrf(new Request('http://console.test/api/auth/logout', { method: 'POST', headers }))).toEqual({ ok: true });
    expect(checkCsrf(new Request('http://console.test/api/auth/logout', { method: 'POST', headers: { ...headers, 'X-Meshscope-CSRF': 'x' } })).ok).toBe(false);
  });

  it('issues a fresh random token when the browser has none or a malformed one, and keeps a good one', () => {
    const fresh = csrfCookieFor(new Request('http://console.test/'));
    expect(fresh).toMatch(/^meshscope_csrf=[0-9a-f]{64}; Path=\/; SameSite=Strict$/);
    expect(fresh).not.toBe(csrfCookieFor(new Request('http://console.test/')));
    expect(csrfCookieFor(new Request('https://console.test/', { headers: { Cookie: 'meshscope_csrf=short' } }))).toMatch(/; Secure$/);
    expect(csrfCookieFor(new Request('http://console.test/', { headers: { Cookie: `meshscope_csrf=${TOKEN}` } }))).toBeUndefined();
  });
});
