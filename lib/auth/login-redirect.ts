// Where a signed-out visitor is sent, and where they may be sent back. Pure, used by proxy.ts and the login page.

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

/** The login URL (path and query) that brings the visitor back to `pathname + search` afterwards. */
export function loginUrl(pathname: string, search = ''): string {
  const next = safeNextPath(`${pathname}${search}`);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

/** Whether a page request must sign in first: token strategy, no valid session, not the login page itself. */
export function mustSignIn(strategy: string | undefined, pathname: string, hasSession: boolean): boolean {
  return strategy === 'token' && !hasSession && pathname !== LOGIN_PATH && !pathname.startsWith('/api/') && pathname !== '/api';
}
