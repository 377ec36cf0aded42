import { queryOptions } from '@tanstack/react-query';
import type { SessionInfo } from '../auth/service';
import type { AccessCheck } from '../k8s/client';
import { fetchJson, retryUnlessClientError, sendJson } from './fetch-json';

export type { AccessCheck, SessionInfo };

/** Query keys of the auth domain; every input of a query function is in its key. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  canI: (check: AccessCheck) =>
    [...authKeys.all, 'can-i', { verb: check.verb, group: check.group, resource: check.resource, namespace: check.namespace ?? null, name: check.name ?? null }] as const,
};

/** `/api/auth/can-i?…` for one check; absent namespace and name are left out. */
export function canIPath(check: AccessCheck): string {
  const params = new URLSearchParams({ verb: check.verb, group: check.group, resource: check.resource });
  if (check.namespace) params.set('namespace', check.namespace);
  if (check.name) params.set('name', check.name);
  return `/api/auth/can-i?${params}`;
}

/** Who is signed in, under which strategy, and whether the console is read-only. */
export const sessionQuery = queryOptions({
  queryKey: authKeys.session(),
  queryFn: ({ signal }) => fetchJson<SessionInfo>('/api/auth/session', signal),
  staleTime: 60_000,
  retry: retryUnlessClientError,
});

/** Whether the current user may do `check`; permissions change rarely, so an answer stays fresh for a minute. */
export function canIQuery(check: AccessCheck) {
  return queryOptions({
    queryKey: authKeys.canI(check),
    queryFn: ({ signal }) => fetchJson<{ allowed: boolean }>(canIPath(check), signal),
    staleTime: 60_000,
    retry: retryUnlessClientError,
  });
}

/** Signs in with a Kubernetes bearer token; the server keeps it in an httpOnly cookie. */
export function signIn(token: string): Promise<{ user: string | null }> {
  return sendJson('POST', '/api/auth/login', { token });
}

/** Ends the session. */
export function signOut(): Promise<{ authenticated: false }> {
  return sendJson('POST', '/api/auth/logout');
}
