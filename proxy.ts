import { NextResponse, type NextRequest } from 'next/server';
import { readCookie } from '@/lib/auth/cookies';
import { checkCsrf, csrfCookieFor } from '@/lib/auth/csrf';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/auth/headers';
import { loginUrl, mustSignIn } from '@/lib/auth/login-redirect';
import { isApiPath } from '@/lib/auth/paths';
import { SESSION_COOKIE, unsealSession } from '@/lib/auth/session';
import { appConfig, isDevelopment } from '@/lib/config/env';

// Runs before every page and API request (not Next's static files). The decisions live in lib/auth, tested there;
// this file only applies them. Route handlers still check the session themselves (identityOf): the proxy is a
// convenience for pages and the CSRF gate, not the only lock.

function withHeaders<R extends Response>(response: R, csp: string): R {
  for (const [name, value] of Object.entries(securityHeaders(csp))) response.headers.set(name, value);
  return response;
}

function hasSession(request: NextRequest, strategy: string | undefined, secret: string | undefined): boolean {
  if (strategy !== 'token' || !secret) return false;
  return unsealSession(readCookie(request.headers.get('cookie'), SESSION_COOKIE), secret) !== undefined;
}

/** Security headers on every response, CSRF on mutating API calls, and the login redirect for pages. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isApiPath(pathname)) {
    const csrf = checkCsrf(request);
    if (!csrf.ok) return withHeaders(Response.json({ error: { code: 'forbidden', message: csrf.message } }, { status: 403, headers: { 'Cache-Control': 'no-store' } }), API_CONTENT_SECURITY_POLICY);
    return withHeaders(NextResponse.next(), API_CONTENT_SECURITY_POLICY);
  }

  const auth = appConfig().auth;
  const strategy = auth.configured ? auth.value.strategy : undefined;
  const secret = auth.configured && auth.value.strategy === 'token' ? auth.value.sessionSecret : undefined;
  if (mustSignIn(strategy, pathname, hasSession(request, strategy, secret))) {
    return withHeaders(NextResponse.redirect(new URL(loginUrl(pathname, search), request.url)), API_CONTENT_SECURITY_POLICY);
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, isDevelopment());
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', csp);
  forwarded.set('x-nonce', nonce);
  const response = withHeaders(NextResponse.next({ request: { headers: forwarded } }), csp);
  const csrfCookie = csrfCookieFor(request);
  if (csrfCookie) response.headers.append('Set-Cookie', csrfCookie);
  return response;
}

export const config = {
  // Everything but Next's static files, its image optimizer and the icon.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
