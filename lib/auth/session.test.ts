import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, sealSession, SESSION_TTL_MS, sessionCookie, sessionOf, unsealSession } from './session';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const OTHER = 'another-secret-of-at-least-32-characters!';
const NOW = Date.UTC(2026, 0, 1);

/** Flips one bit of the sealed bytes at `index` (counted from the start of the base64url part). */
function flip(value: string, index: number): string {
  const [format, data] = value.split('.') as [string, string];
  const bytes = Buffer.from(data, 'base64url');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return `${format}.${bytes.toString('base64url')}`;
}

describe('session sealing', () => {
  it('round-trips the token and user, and never shows the token in the clear', () => {
    const sealed = sealSession({ token: 'eyJ.secret-token', user: 'system:serviceaccount:lab:viewer' }, SECRET, NOW);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('secret-token');
    expect(unsealSession(sealed, SECRET, NOW + 1000)).toEqual({ token: 'eyJ.secret-token', user: 'system:serviceaccount:lab:viewer', expiresAt: NOW + SESSION_TTL_MS });
    expect(unsealSession(sealSession({ token: 't' }, SECRET, NOW), SECRET, NOW)).toEqual({ token: 't', expiresAt: NOW + SESSION_TTL_MS });
  });

  it('seals the same token differently each time (fresh IV)', () => {
    expect(sealSession({ token: 't' }, SECRET, NOW)).not.toBe(sealSession({ token: 't' }, SECRET, NOW));
  });

  it('expires after 8 hours', () => {
    const sealed = sealSession({ token: 't' }, SECRET, NOW);
    expect(unsealSession(sealed, SECRET, NOW + SESSION_TTL_MS - 1)?.token).toBe('t');
    expect(unsealSession(sealed, SECRET, NOW + SESSION_TTL_MS)).toBeUndefined();
    expect(SESSION_TTL_MS).toBe(8 * 3600 * 1000);
  });

  it.each([
    ['a flipped IV bit', (v: string) => flip(v, 0)],
    ['a flipped ciphertext bit', (v: string) => flip(v, 14)],
    ['a flipped tag bit', (v: string) => flip(v, -1)],
    ['a cut-off tag', (v: string) => v.slice(0, -4)],
    ['another format', (v: string) => v.replace(/^v1\./, 'v2.')],
    ['no format', (v: string) => v.slice(3)],
    ['garbage', () => 'v1.!!!not-base64!!!'],
    ['too short', () => 'v1.AAAA'],
    ['empty', () => ''],
  ])('reads %s as no session', (_, tamper) => {
    expect(unsealSession(tamper(sealSession({ token: 't' }, SECRET, NOW)), SECRET, NOW)).toBeUndefined();
  });

  it('does not open a cookie sealed with another key', () => {
    expect(unsealSession(sealSession({ token: 't' }, OTHER, NOW), SECRET, NOW)).toBeUndefined();
  });
});

describe('session cookies', () => {
  it('are httpOnly, SameSite=Strict, Path=/, 8 h, Secure only over https', () => {
    expect(sessionCookie(new Request('http://console.test/api/auth/login'), 'v1.abc')).toBe(
      'meshscope_session=v1.abc; Path=/; SameSite=Strict; Max-Age=28800; HttpOnly',
    );
    expect(sessionCookie(new Request('https://console.test/api/auth/login'), 'v1.abc')).toMatch(/; HttpOnly; Secure$/);
    const behindProxy = new Request('http://console.test/api/auth/login', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(sessionCookie(behindProxy, 'v1.abc')).toMatch(/; Secure$/);
    expect(clearedSessionCookie(new Request('http://console.test/'))).toBe('meshscope_session=; Path=/; SameSite=Strict; Max-Age=0; HttpOnly');
  });

  it('is read back from the Cookie header among others', () => {
    const sealed = sealSession({ token: 'tok', user: 'viewer' }, SECRET, NOW);
    const request = new Request('http://console.test/', { headers: { Cookie: `meshscope_theme=dark; meshscope_session=${sealed}; x=y` } });
    expect(sessionOf(request, SECRET, NOW)?.user).toBe('viewer');
    expect(sessionOf(new Request('http://console.test/'), SECRET, NOW)).toBeUndefined();
  });
});
