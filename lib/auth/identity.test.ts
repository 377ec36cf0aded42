import { describe, expect, it } from 'vitest';
import type { AuthSettings, Setting } from '../config/env';
import { AppError } from '../errors';
import { identityUnder, parseBearer } from './identity';
import { sealSession } from './session';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const NOW = Date.UTC(2026, 0, 1);
const anonymous: Setting<AuthSettings> = { configured: true, value: { strategy: 'anonymous', readOnly: false } };
const token: Setting<AuthSettings> = { configured: true, value: { strategy: 'token', sessionSecret: SECRET, readOnly: false } };
const header: Setting<AuthSettings> = { configured: true, value: { strategy: 'header', header: 'X-Forwarded-Access-Token', readOnly: false } };

const request = (headers: Record<string, string> = {}) => new Request('http://console.test/api/namespaces', { headers });

function failure(run: () => unknown): { code: string; status: number; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, status: err.status, message: err.message };
  }
}

describe('identityUnder', () => {
  it('anonymous: the console itself, whatever the request carries', () => {
    expect(identityUnder(anonymous, request({ 'X-Forwarded-Access-Token': 'forged' }))).toEqual({ kind: 'console' });
  });

  it('token: the token and user from a valid session cookie', () => {
    const cookie = `meshscope_session=${sealSession({ token: 'tok', user: 'viewer' }, SECRET, NOW)}`;
    expect(identityUnder(token, request({ Cookie: cookie }), NOW)).toEqual({ kind: 'token', token: 'tok', user: 'viewer' });
  });

  it.each([
    ['no cookie', {}],
    ['a forged cookie', { Cookie: 'meshscope_session=v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a cookie sealed with another secret', { Cookie: `meshscope_session=${sealSession({ token: 'tok' }, 'x'.repeat(40), NOW)}` }],
    ['only the proxy header', { 'X-Forwarded-Access-Token': 'tok' }],
  ])('token: %s is 401', (_, headers) => {
    expect(failure(() => identityUnder(token, request(headers), NOW))).toMatchObject({ code: 'unauthorized', status: 401, message: expect.stringMatching(/sign in/) });
  });

  it('token: an expired session is 401', () => {
    const cookie = `meshscope_session=${sealSession({ token: 'tok' }, SECRET, NOW - 9 * 3600_000)}`;
    expect(failure(() => identityUnder(token, request({ Cookie: cookie }), NOW))?.status).toBe(401);
  });

  it.each([
    ['abc.def', 'abc.def'],
    ['Bearer abc.def', 'abc.def'],
    ['bearer   abc.def ', 'abc.def'],
  ])('header: %j acts as token %s', (value, expected) => {
    expect(identityUnder(header, request({ 'X-Forwarded-Access-Token': value }))).toEqual({ kind: 'token', token: expected });
  });

  it.each([['absent', {}], ['empty', { 'X-Forwarded-Access-Token': '' }], ['only the prefix', { 'X-Forwarded-Access-Token': 'Bearer ' }], ['a session cookie instead', { Cookie: 'meshscope_session=v1.x' }]])(
    'header: %s is 401 naming the header',
    (_, headers) => {
      expect(failure(() => identityUnder(header, request(headers)))).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('X-Forwarded-Access-Token') });
    },
  );

  it('a broken setting fails closed with its reason (503), never as the console', () => {
    expect(failure(() => identityUnder({ configured: false, reason: 'MESHSCOPE_AUTH_STRATEGY: nope' }, request()))).toEqual({
      code: 'not_configured',
      status: 503,
      message: 'authentication: MESHSCOPE_AUTH_STRATEGY: nope',
    });
  });
});

describe('parseBearer', () => {
  it.each([
    ['tok', 'tok'],
    ['  Bearer tok\n', 'tok'],
    ['BEARER tok', 'tok'],
    ['Bearer', undefined],
    ['Bearertok', 'Bearertok'],
    ['', undefined],
    [null, undefined],
    ['two words', undefined],
    ['tok\r\nX-Evil: 1', undefined],
    ['tök', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(parseBearer(raw)).toBe(expected);
  });
});
