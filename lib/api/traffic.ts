import { queryOptions } from '@tanstack/react-query';
import type { ChangeRecord, TrafficApplyResult, TrafficEdit, TrafficModel } from '../mesh/traffic/types';
import { fetchJson, retryUnlessClientError, sendJson } from './fetch-json';

export type { ChangeRecord, TrafficApplyResult, TrafficEdit, TrafficModel };

/** Which recorded changes to list; absent fields are not filtered on. */
export interface ChangesFilter {
  namespace?: string;
  service?: string;
}

/** Query keys of the traffic-management domain; invalidating `all` refreshes the models and the change lists. */
export const trafficKeys = {
  all: ['traffic'] as const,
  model: (namespace: string, service: string) => [...trafficKeys.all, 'model', namespace, service] as const,
  changes: (filter: ChangesFilter) => [...trafficKeys.all, 'changes', { namespace: filter.namespace ?? null, service: filter.service ?? null }] as const,
};

/** `/api/namespaces/{ns}/services/{svc}/traffic`, each segment encoded. */
export function trafficPath(namespace: string, service: string): string {
  return `/api/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}/traffic`;
}

/** `/api/changes?namespace=&service=`, with only the filters that are set. */
export function changesPath(filter: ChangesFilter): string {
  const q = new URLSearchParams();
  if (filter.namespace) q.set('namespace', filter.namespace);
  if (filter.service) q.set('service', filter.service);
  const text = q.toString();
  return text ? `/api/changes?${text}` : '/api/changes';
}

// Typed on Error so TanStack infers the queries' error type as Error.
const noRetryOn4xx = (failureCount: number, error: Error) => retryUnlessClientError(failureCount, error);

/** The editable traffic settings of a service as they are live, with the versions of the objects they came from. */
export function trafficModelQuery(namespace: string, service: string) {
  return queryOptions({
    queryKey: trafficKeys.model(namespace, service),
    queryFn: ({ signal }) => fetchJson<TrafficModel>(trafficPath(namespace, service), signal),
    retry: noRetryOn4xx,
  });
}

/** Writes (or with `dryRun` only checks) a service's traffic settings; 400, 403, 409 and 422 arrive as ApiError. */
export function applyTraffic(namespace: string, service: string, edit: TrafficEdit, dryRun: boolean): Promise<TrafficApplyResult> {
  return sendJson<TrafficApplyResult>('PUT', `${trafficPath(namespace, service)}${dryRun ? '?dryRun=true' : ''}`, edit);
}

/** Recorded traffic changes, newest first. */
export function changesQuery(filter: ChangesFilter) {
  return queryOptions({
    queryKey: trafficKeys.changes(filter),
    queryFn: ({ signal }) => fetchJson<ChangeRecord[]>(changesPath(filter), signal),
    retry: noRetryOn4xx,
  });
}

/** Puts back the objects a recorded change wrote (or with `dryRun` shows what that would do). */
export function revertChange(id: string, dryRun: boolean): Promise<TrafficApplyResult> {
  return sendJson<TrafficApplyResult>('POST', `/api/changes/${encodeURIComponent(id)}/revert${dryRun ? '?dryRun=true' : ''}`);
}
