import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, isHttps, readCookie, serializeCookie } from './cookies';
import { isApiPath } from './paths';
import { sameSecret } from './same-secret';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOKEN = /^[0-9a-f]{64}$/;

/** What the CSRF check sees of a request. */
export interface CsrfInput {
  method: string;
  pathname: string;
  cookie: string | undefined;
  header: string | null;
  origin: string | null;
  /** Host and, behind a proxy that rewrites it, X-Forwarded-Host: the origin may match either. */
  hosts: (string | null)[];
}

export type CsrfDecision = { ok: true } | { ok: false; message: string };

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Whether a request may go on. Only mutating `/api/**` calls are checked: a page on another site can make the
 * browser send our cookies with a form post, but it can neither read our cookie nor set a custom header without
 * a CORS preflight we never grant — so a header equal to the cookie proves the call came from our own pages.
 * A present Origin must name this host too (a second, independent check; absent on some same-origin requests).
 */
export function csrfDecision(input: CsrfInput): CsrfDecision {
  if (!MUTATING.has(input.method.toUpperCase()) || !isApiPath(input.pathname)) return { ok: true };
  if (input.origin !== null) {
    const from = originHost(input.origin);
    const hosts = input.hosts.flatMap((h) => (h ? h.split(',').map((v) => v.trim().toLowerCase()) : []));
    if (!from || !hosts.includes(from)) return { ok: false, message: `cross-origin request refused: Origin ${input.origin.slice(0, 100)} is not this console` };
  }
  if (!input.cookie || !input.header || !sameSecret(input.cookie, input.header)) {
    return { ok: false, message: `missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header` };
  }
  return { ok: true };
}

/** The CSRF check for a whole request. */
export function checkCsrf(request: Request): CsrfDecision {
  const headers = request.headers;
  return csrfDecision({
    method: request.method,
    pathname: new URL(request.url).pathname,
    cookie: readCookie(headers.get('cookie'), CSRF_COOKIE),
    header: headers.get(CSRF_HEADER),
    origin: headers.get('origin'),
    hosts: [headers.get('host'), headers.get('x-forwarded-host')],
  });
}

/** The Set-Cookie value a page response carries when the browser has no (well-formed) CSRF cookie yet; else undefined. */
export function csrfCookieFor(request: Request): string | undefined {
  const current = readCookie(request.headers.get('cookie'), CSRF_COOKIE);
  if (current && TOKEN.test(current)) return undefined;
  return serializeCookie(CSRF_COOKIE, randomBytes(32).toString('hex'), { httpOnly: false, secure: isHttps(request) });
}
