import 'server-only';
import { appConfig, type AuthSettings, type Setting, TOKEN_CHARS } from '../config/env';
import { AppError } from '../errors';
import type { Identity } from './context';
import { sessionOf } from './session';

/** A bearer token from user input or a header: trimmed, `Bearer ` prefix optional; undefined when unusable. */
export function parseBearer(raw: string | null | undefined): string | undefined {
  const token = (raw ?? '').trim().replace(/^bearer(\s+|$)/i, '').trim();
  return TOKEN_CHARS.test(token) ? token : undefined;
}

/**
 * Who `request` acts as under the given auth setting (pure apart from the clock; `identityOf` feeds it the
 * process's setting).
 */
export function identityUnder(setting: Setting<AuthSettings>, request: Request, now = Date.now()): Identity {
  if (!setting.configured) throw new AppError('not_configured', `authentication: ${setting.reason}`);
  const auth = setting.value;
  switch (auth.strategy) {
    case 'anonymous':
      return { kind: 'console' };
    case 'token': {
      const session = sessionOf(request, auth.sessionSecret, now);
      if (!session) throw new AppError('unauthorized', 'not signed in, or the session expired: sign in with a Kubernetes token');
      return { kind: 'token', token: session.token, ...(session.user ? { user: session.user } : {}) };
    }
    case 'header': {
      // Trusts whatever sits in front of the console (an OAuth2 proxy) to have authenticated the user and to
      // strip this header from anything the browser sends. Reachable without that proxy, anyone could claim
      // any token — but only a token the API server accepts gets anywhere, as the API server checks each one.
      const token = parseBearer(request.headers.get(auth.header));
      if (!token) throw new AppError('unauthorized', `no bearer token in the ${auth.header} header (set by the authenticating proxy)`);
      return { kind: 'token', token };
    }
  }
}

/** The identity a request acts as toward Kubernetes; throws `unauthorized` (401) when the strategy needs a session and there is none. */
export async function identityOf(request: Request): Promise<Identity> {
  return identityUnder(appConfig().auth, request);
}
