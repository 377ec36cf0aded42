import { describe, expect, it } from 'vitest';
import { loginUrl, mustSignIn, safeNextPath } from './login-redirect';

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
  ])('%s%s → %s', (pathname, search, expected) => {
    expect(loginUrl(pathname, search)).toBe(expected);
  });
});

describe('mustSignIn', () => {
  it.each([
    ['token', '/graph', false, true],
    ['token', '/', false, true],
    ['token', '/graph', true, false],
    ['token', '/login', false, false],
    ['token', '/api/namespaces', false, false],
    ['anonymous', '/graph', false, false],
    ['header', '/graph', false, false],
    [undefined, '/graph', false, false],
  ])('%s %s session=%s → %s', (strategy, pathname, hasSession, expected) => {
    expect(mustSignIn(strategy, pathname, hasSession)).toBe(expected);
  });
});
