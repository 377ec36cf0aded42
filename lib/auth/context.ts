import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who a request acts as toward the Kubernetes API. `console`: the console's own credentials (the `anonymous`
 * strategy); `token`: a user's bearer token, from the session cookie (`token` strategy) or a trusted proxy's
 * header (`header` strategy), so the API server's RBAC decides what they may do.
 */
export type Identity = { kind: 'console' } | { kind: 'token'; token: string; user?: string };

const CONSOLE: Identity = { kind: 'console' };
const storage = new AsyncLocalStorage<Identity>();

/** Runs `fn` acting as `identity`; every Kubernetes call made inside uses it. */
export function runAs<T>(identity: Identity, fn: () => Promise<T>): Promise<T> {
  return storage.run(identity, fn);
}

/** The identity of the request being served; the console's own outside any request (start-up, tests). */
export function currentIdentity(): Identity {
  return storage.getStore() ?? CONSOLE;
}
