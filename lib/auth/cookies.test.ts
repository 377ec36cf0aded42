import { describe, expect, it } from 'vitest';
import { readCookie, serializeCookie } from './cookies';

describe('readCookie', () => {
  it.each([
    [null, 'a', undefined],
    ['', 'a', undefined],
    ['a=1', 'a', '1'],
    ['b=2; a=1', 'a', '1'],
    ['aa=2; a=1', 'a', '1'],
    [' a = 1 ', 'a', '1'],
    ['a=x%20y', 'a', 'x y'],
    ['a=%E0%A4%A', 'a', '%E0%A4%A'],
    ['a=v1.abc=', 'a', 'v1.abc='],
    ['flag; a=1', 'a', '1'],
    ['b=1', 'a', undefined],
  ])('%j, %s → %j', (header, name, expected) => {
    expect(readCookie(header, name)).toBe(expected);
  });
});

describe('serializeCookie', () => {
  it('writes only the attributes asked for, always Path=/ and SameSite=Strict', () => {
    expect(serializeCookie('c', 'v', { httpOnly: false, secure: false })).toBe('c=v; Path=/; SameSite=Strict');
    expect(serializeCookie('c', 'v', { httpOnly: true, secure: true, maxAge: 60 })).toBe('c=v; Path=/; SameSite=Strict; Max-Age=60; HttpOnly; Secure');
  });
});
