import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce, securityHeaders } from './headers';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('contentSecurityPolicy', () => {
  it('in production: scripts only from us or with the nonce, no eval, no framing', () => {
    const csp = directives(contentSecurityPolicy('bm9uY2U=', false));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("in development: adds 'unsafe-eval' and the HMR socket, nothing else", () => {
    const csp = directives(contentSecurityPolicy('n', true));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-n'", "'unsafe-eval'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('securityHeaders', () => {
  it('sets the CSP, nosniff, a same-origin referrer and no framing', () => {
    expect(securityHeaders(API_CONTENT_SECURITY_POLICY)).toEqual({
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
  });

  it('nonces are fresh and base64', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
