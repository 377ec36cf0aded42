import { queryOptions } from '@tanstack/react-query';
import type { NamespaceSummary } from '../k8s/client';
import { fetchJson } from './fetch-json';

export type { NamespaceSummary };

/** Query keys of the namespaces domain. */
export const namespaceKeys = {
  all: ['namespaces'] as const,
};

/** Every namespace the console can see, refreshed every minute. */
export const namespacesQuery = queryOptions({
  queryKey: namespaceKeys.all,
  queryFn: ({ signal }) => fetchJson<{ namespaces: NamespaceSummary[] }>('/api/namespaces', signal),
  staleTime: 60_000,
});
