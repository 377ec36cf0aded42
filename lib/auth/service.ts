import 'server-only';
import { appConfig, type AuthSettings, type AuthStrategy } from '../config/env';
import { AppError, BadRequestError } from '../errors';
import { canI, whoAmI, type AccessCheck } from '../k8s/client';
import { isWriteVerb } from './access-check';
import { runAs } from './context';
import { parseBearer } from './identity';
import { sealSession, SESSION_COOKIE, sessionCookie, sessionOf } from './session';

/** `GET /api/auth/session`. */
export interface SessionInfo {
  strategy: AuthStrategy;
  authenticated: boolean;
  user?: string;
  readOnly: boolean;
}

// Browsers keep about 4 KiB per cookie (name and value); a longer one would be dropped without a word.
const COOKIE_LIMIT = 4000;

function authSettings(): AuthSettings {
  const setting = appConfig().auth;
  if (!setting.configured) throw new AppError('not_configured', `authentication: ${setting.reason}`);
  return setting.value;
}

async function tokenFromBody(request: Request): Promise<string> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadRequestError('body', 'must be JSON: {"token": "<Kubernetes bearer token>"}');
  }
  const raw = (body as { token?: unknown } | null)?.token;
  if (typeof raw !== 'string' || raw.trim() === '') throw new BadRequestError('token', 'is required');
  const token = parseBearer(raw);
  if (!token) throw new BadRequestError('token', 'must be one bearer token: printable characters without spaces');
  return token;
}

/** The user name the API server gives `token`; 401 when it rejects the token. */
async function userOf(token: string): Promise<string | undefined> {
  try {
    return await runAs({ kind: 'token', token }, whoAmI);
  } catch (err) {
    // Forbidden means the token authenticated but may not ask who it is: a valid login whose name stays unknown.
    if (err instanceof AppError && err.code === 'forbidden') return undefined;
    if (err instanceof AppError && err.code === 'unauthorized') {
      throw new AppError('unauthorized', 'the Kubernetes API server rejected this token: check that it is complete and has not expired');
    }
    throw err;
  }
}

/** Checks a token from the login form against the API server and seals it; returns the user and the Set-Cookie value. */
export async function signIn(request: Request): Promise<{ user?: string; setCookie: string }> {
  const auth = authSettings();
  if (auth.strategy !== 'token') throw new AppError('not_found', `signing in is off: MESHSCOPE_AUTH_STRATEGY is ${auth.strategy}`);
  const token = await tokenFromBody(request);
  const user = await userOf(token);
  const sealed = sealSession({ token, ...(user ? { user } : {}) }, auth.sessionSecret);
  if (SESSION_COOKIE.length + 1 + sealed.length > COOKIE_LIMIT) throw new BadRequestError('token', 'is too long to keep in a session cookie');
  return { ...(user ? { user } : {}), setCookie: sessionCookie(request, sealed) };
}

/** Whether the request has a user, and who; never 401, so the UI can ask before anyone signs in. */
export async function sessionInfo(request: Request): Promise<SessionInfo> {
  const auth = authSettings();
  const base = { strategy: auth.strategy, readOnly: auth.readOnly };
  switch (auth.strategy) {
    case 'anonymous':
      return { ...base, authenticated: false };
    case 'token': {
      const session = sessionOf(request, auth.sessionSecret);
      return { ...base, authenticated: session !== undefined, ...(session?.user ? { user: session.user } : {}) };
    }
    case 'header': {
      const token = parseBearer(request.headers.get(auth.header));
      if (!token) return { ...base, authenticated: false };
      try {
        const user = await userOf(token);
        return { ...base, authenticated: true, ...(user ? { user } : {}) };
      } catch (err) {
        if (err instanceof AppError && err.code === 'unauthorized') return { ...base, authenticated: false };
        throw err;
      }
    }
  }
}

/** Whether the current identity (jsonRoute runs handlers as it) may do `check`; in read-only mode never a write. */
export async function mayI(check: AccessCheck): Promise<boolean> {
  const setting = appConfig().auth;
  if (setting.configured && setting.value.readOnly && isWriteVerb(check.verb)) return false;
  const [allowed] = await canI([check]);
  return allowed === true;
}

/** Refuses any write when the console is read-only (MESHSCOPE_READ_ONLY=true); for the routes that change things. */
export function assertWritable(): void {
  const setting = appConfig().auth;
  if (setting.configured && setting.value.readOnly) throw new AppError('forbidden', 'the console is read-only (MESHSCOPE_READ_ONLY=true)');
}
