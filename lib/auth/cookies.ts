// Cookie reading and writing, shared by the server and the browser (no Node imports here).

/** The double-submit CSRF cookie: readable by our script (not httpOnly), sent back in CSRF_HEADER on every write. */
export const CSRF_COOKIE = 'meshscope_csrf';
/** The header a mutating `/api` call repeats the CSRF cookie in. */
export const CSRF_HEADER = 'X-Meshscope-CSRF';

/** Options of a cookie the console sets; every one is SameSite=Strict and Path=/. */
export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge?: number;
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** A Set-Cookie header value. Values are URL-safe already (base64url, hex), so they are written as they are. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/', 'SameSite=Strict'];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * Whether the browser reached the console over https: directly, or through a proxy that terminated TLS and said
 * so. Only used to add `Secure`, so a forged header can only make a cookie stricter.
 */
export function isHttps(request: Request): boolean {
  if (new URL(request.url).protocol === 'https:') return true;
  return request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
