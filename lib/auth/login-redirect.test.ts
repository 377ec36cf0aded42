import { describe, expect, it } from 'vitest';
import { loginUrl, mustSignIn, safeNextPath, SESSION_ENDED, signInAgainUrl } from './login-redirect';

describe('safeNextPath', () => {
  it.each([
    ['/graph?namespaces=bookinfo', '/graph?namespaces=bookinfo'],
    ['/traces/abc#span', '/traces/abc#span'],
    ['/a/../b', '/b'],
    [null, '/'],
    ['', '/'],
    ['graph', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?next=/x', '/'],
  ])('%j → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('loginUrl', () => {
  it.each([
    ['/', '', '/login'],
    ['/graph', '?namespaces=bookinfo&duration=5m', '/login?next=%2Fgraph%3Fnamespaces%3Dbookinfo%26duration%3D5m'],
    ['/login', '', '/login'],
    ['/traces', '?q=a b', '/login?next=%2Ftraces%3Fq%3Da%2520b'],
  ])('%s%s → %s', (pathname, search, expected) => {
    expect(loginUrl(pathname, search)).toBe(expected);
  });

  it('says why when the session ended', () => {
    expect(loginUrl('/graph', '?namespaces=bookinfo', SESSION_ENDED)).toBe('/login?next=%2Fgraph%3Fnamespaces%3Dbookinfo&reason=session-ended');
    expect(loginUrl('/', '', SESSION_ENDED)).toBe('/login?reason=session-ended');
  });
});

describe('signInAgainUrl', () => {
  it.each([
    [401, 'token', '/graph', '?namespaces=bookinfo', '/login?next=%2Fgraph%3Fnamespaces%3Dbookinfo&reason=session-ended'],
    [401, 'token', '/login', '?next=%2Fgraph', undefined],
    [403, 'token', '/graph', '', undefined],
    [502, 'token', '/graph', '', undefined],
    [401, 'header', '/graph', '', undefined],
    [401, 'anonymous', '/graph', '', undefined],
    [401, undefined, '/graph', '', undefined],
  ])('%s under %s on %s%s → %s', (status, strategy, pathname, search, expected) => {
    expect(signInAgainUrl(status, strategy, pathname, search)).toBe(expected);
  });
});

describe('mustSignIn', () => {
  it.each([
    ['token', '/graph', false, true],
    ['token', '/', false, true],
    ['token', '/graph', true, false],
    ['token', '/login', false, false],
    ['token', '/api/namespaces', false, false],
    ['token', '/metrics', false, false],
    ['token', '/metrics/extra', false, true],
    ['anonymous', '/graph', false, false],
    ['header', '/graph', false, false],
    [undefined, '/graph', false, false],
  ])('%s %s session=%s → %s', (strategy, pathname, hasSession, expected) => {
    expect(mustSignIn(strategy, pathname, hasSession)).toBe(expected);
  });
});
