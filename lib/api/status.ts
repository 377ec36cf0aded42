import { queryOptions } from '@tanstack/react-query';
import type { UpstreamStatus } from '../status';
import { fetchJson } from './fetch-json';

export type { UpstreamStatus };

/** Query keys of the status domain. */
export const statusKeys = {
  all: ['status'] as const,
};

/** The upstream status, refreshed every 15 s. */
export const statusQuery = queryOptions({
  queryKey: statusKeys.all,
  queryFn: ({ signal }) => fetchJson<{ upstreams: UpstreamStatus[] }>('/api/status', signal),
  refetchInterval: 15_000,
});
