import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isHttps, readCookie, serializeCookie } from './cookies';

/** The cookie that carries a sealed session (token strategy). */
export const SESSION_COOKIE = 'meshscope_session';
/** How long a login lasts; the expiry travels inside the sealed payload, so a replayed old cookie is refused. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** What a session cookie holds: the user's bearer token and the name the API server gave them. */
export interface Session {
  token: string;
  user?: string;
  expiresAt: number;
}

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the ciphertext to this use: a value sealed with the same key for anything else does not open here.
const AAD = Buffer.from(`${SESSION_COOKIE}.${FORMAT}`);

const payloadSchema = z.object({ t: z.string().min(1), u: z.string().optional(), e: z.number().int() });

let derived: { secret: string; key: Buffer } | undefined;

function keyOf(secret: string): Buffer {
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'meshscope', 'session-cookie-aes-256-gcm', 32)) };
  }
  return derived.key;
}

/** Seals a token (and the user's name) with AES-256-GCM into a cookie value that expires after SESSION_TTL_MS. */
export function sealSession(session: { token: string; user?: string }, secret: string, now = Date.now()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv).setAAD(AAD);
  const payload = JSON.stringify({ t: session.token, u: session.user, e: now + SESSION_TTL_MS });
  const sealed = Buffer.concat([iv, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${sealed.toString('base64url')}`;
}

/** Opens a sealed cookie value; tampered, expired, foreign (other key) or malformed values read as no session. */
export function unsealSession(value: string | undefined, secret: string, now = Date.now()): Session | undefined {
  if (!value?.startsWith(`${FORMAT}.`)) return undefined;
  const sealed = Buffer.from(value.slice(FORMAT.length + 1), 'base64url');
  if (sealed.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), sealed.subarray(0, IV_BYTES)).setAAD(AAD);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    const parsed = payloadSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success || parsed.data.e <= now) return undefined;
    return { token: parsed.data.t, ...(parsed.data.u ? { user: parsed.data.u } : {}), expiresAt: parsed.data.e };
  } catch {
    return undefined;
  }
}

/** The session a request carries, if any. */
export function sessionOf(request: Request, secret: string, now = Date.now()): Session | undefined {
  return unsealSession(readCookie(request.headers.get('cookie'), SESSION_COOKIE), secret, now);
}

/** Set-Cookie value that stores a sealed session: httpOnly (no script reads the token), SameSite=Strict. */
export function sessionCookie(request: Request, sealed: string): string {
  return serializeCookie(SESSION_COOKIE, sealed, { httpOnly: true, secure: isHttps(request), maxAge: SESSION_TTL_MS / 1000 });
}

/** Set-Cookie value that deletes the session cookie. */
export function clearedSessionCookie(request: Request): string {
  return serializeCookie(SESSION_COOKIE, '', { httpOnly: true, secure: isHttps(request), maxAge: 0 });
}
