// Where a signed-out visitor is sent, and where they may be sent back. Pure, used by proxy.ts and the login page.

import { isApiPath, METRICS_PATH } from './paths';

/** The login page's path. */
export const LOGIN_PATH = '/login';

const BASE = 'http://meshscope.invalid';

/**
 * A `?next=` value made safe to navigate to: a path on this origin (never `//host`, `/\host`, a scheme or the
 * login page itself), else `/`. An open redirect would let a phishing link borrow the console's address.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f\\]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname === LOGIN_PATH) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Why the login page is shown, when it is not the first visit: the session ran out while the page was open. */
export const SESSION_ENDED = 'session-ended';

/** The login URL (path and query) that brings the visitor back to `pathname + search` afterwards. */
export function loginUrl(pathname: string, search = '', reason?: typeof SESSION_ENDED): string {
  const next = safeNextPath(`${pathname}${search}`);
  const query = new URLSearchParams();
  if (next !== '/') query.set('next', next);
  if (reason) query.set('reason', reason);
  return query.size === 0 ? LOGIN_PATH : `${LOGIN_PATH}?${query.toString()}`;
}

/**
 * Where an open page goes when one of its API calls answers 401: under the token strategy the session has ended
 * (expired, or signed out in another tab), so to the login page and back here afterwards; otherwise nowhere (the
 * login page's own "token rejected" is a 401 too, and the header strategy has no login page).
 */
export function signInAgainUrl(status: number, strategy: string | undefined, pathname: string, search: string): string | undefined {
  if (status !== 401 || strategy !== 'token' || pathname === LOGIN_PATH) return undefined;
  return loginUrl(pathname, search, SESSION_ENDED);
}

/**
 * Whether a page request must sign in first: token strategy, no valid session, and neither the login page itself,
 * an API call (those answer 401) nor the metrics a Prometheus scrapes.
 */
export function mustSignIn(strategy: string | undefined, pathname: string, hasSession: boolean): boolean {
  if (strategy !== 'token' || hasSession) return false;
  return pathname !== LOGIN_PATH && pathname !== METRICS_PATH && !isApiPath(pathname);
}
