import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SidecarResources } from '../mesh/inventory/resources';
import type { InventoryDetails, InventoryItem, InventoryKind, InventoryList, NamespaceOverview } from '../mesh/inventory/types';
import { fetchJson, retryUnlessClientError } from './fetch-json';

export type { InventoryDetails, InventoryList, NamespaceOverview, SidecarResources };

/** The server's default window of traffic for health: 5 minutes. */
export const DEFAULT_HEALTH_DURATION = 300;

/** How the inventory queries look and refresh: seconds of traffic for health, and seconds between refetches (0 pauses). */
export interface InventoryQueryOptions {
  duration?: number;
  refreshSeconds?: number;
}

/** Everything the sidecar-resources route takes; each field is part of the query key. */
export interface ResourcesParams {
  namespace: string;
  workload: string;
  /** Seconds of history to chart. */
  duration: number;
  /** Seconds between points; undefined lets the server choose. */
  step?: number;
}

/** `'all'` asks for every namespace; an empty list asks for none (the query stays idle). */
export type OverviewNamespaces = readonly string[] | 'all';

const sortedNamespaces = (ns: OverviewNamespaces) => (ns === 'all' ? 'all' : [...new Set(ns)].sort());

/** Query keys of the inventory domain; every input of a query function is in its key. */
export const inventoryKeys = {
  all: ['inventory'] as const,
  namespace: (namespace: string) => [...inventoryKeys.all, namespace] as const,
  list: (namespace: string, kind: InventoryKind, duration: number) => [...inventoryKeys.namespace(namespace), kind, { duration }] as const,
  details: (namespace: string, kind: InventoryKind, name: string, duration: number) =>
    [...inventoryKeys.namespace(namespace), kind, name, { duration }] as const,
  resources: (p: ResourcesParams) =>
    [...inventoryKeys.namespace(p.namespace), 'workloads', p.workload, 'resources', { duration: p.duration, step: p.step ?? null }] as const,
  overview: (namespaces: OverviewNamespaces, duration: number) => [...inventoryKeys.all, 'overview', { namespaces: sortedNamespaces(namespaces), duration }] as const,
};

const segment = (s: string) => encodeURIComponent(s);
const durationQuery = (duration: number) => (duration === DEFAULT_HEALTH_DURATION ? '' : `?${new URLSearchParams({ duration: String(duration) }).toString()}`);

/** The list route's path; the default duration is left out. */
export function inventoryListPath(namespace: string, kind: InventoryKind, duration = DEFAULT_HEALTH_DURATION): string {
  return `/api/namespaces/${segment(namespace)}/${kind}${durationQuery(duration)}`;
}

/** The detail route's path; the default duration is left out. */
export function inventoryDetailsPath(namespace: string, kind: InventoryKind, name: string, duration = DEFAULT_HEALTH_DURATION): string {
  return `/api/namespaces/${segment(namespace)}/${kind}/${segment(name)}${durationQuery(duration)}`;
}

/** The overview route's path: namespaces sorted, none for all; the default duration is left out. */
export function overviewPath(namespaces: OverviewNamespaces, duration = DEFAULT_HEALTH_DURATION): string {
  const q = new URLSearchParams();
  const ns = sortedNamespaces(namespaces);
  if (ns !== 'all') q.set('namespaces', ns.join(','));
  if (duration !== DEFAULT_HEALTH_DURATION) q.set('duration', String(duration));
  const text = q.toString();
  return text ? `/api/overview?${text}` : '/api/overview';
}

/** The sidecar-resources route's path with its query string. */
export function resourcesPath(p: ResourcesParams): string {
  const q = new URLSearchParams({ duration: String(p.duration) });
  if (p.step !== undefined) q.set('step', String(p.step));
  return `/api/namespaces/${segment(p.namespace)}/workloads/${segment(p.workload)}/resources?${q.toString()}`;
}

// Typed on Error so TanStack infers the queries' error type as Error (an `unknown` parameter would make it unknown).
const noRetryOn4xx = (failureCount: number, error: Error) => retryUnlessClientError(failureCount, error);

const interval = (refreshSeconds = 0) => (refreshSeconds > 0 ? refreshSeconds * 1000 : false);

/** One namespace's apps, workloads or services with their health; a 4xx is not retried. */
export function inventoryListQuery<K extends InventoryKind>(namespace: string, kind: K, options: InventoryQueryOptions = {}) {
  const duration = options.duration ?? DEFAULT_HEALTH_DURATION;
  return queryOptions({
    queryKey: inventoryKeys.list(namespace, kind, duration),
    queryFn: ({ signal }) => fetchJson<InventoryList<Extract<InventoryItem, { kind: K }>>>(inventoryListPath(namespace, kind, duration), signal),
    refetchInterval: interval(options.refreshSeconds),
    // Only a new duration keeps the rows up: under useQueries an observer may move to another namespace, whose
    // rows must never stand in for this one's.
    placeholderData: (previous) => (previous && previous.namespace === namespace && previous.kind === kind ? previous : undefined),
    retry: noRetryOn4xx,
  });
}

/** One app, workload or service with its pods; a 404 (gone, or never there) is not retried. */
export function inventoryDetailsQuery<K extends InventoryKind>(namespace: string, kind: K, name: string, options: InventoryQueryOptions = {}) {
  const duration = options.duration ?? DEFAULT_HEALTH_DURATION;
  return queryOptions({
    queryKey: inventoryKeys.details(namespace, kind, name, duration),
    queryFn: ({ signal }) => fetchJson<InventoryDetails<Extract<InventoryItem, { kind: K }>>>(inventoryDetailsPath(namespace, kind, name, duration), signal),
    refetchInterval: interval(options.refreshSeconds),
    retry: noRetryOn4xx,
  });
}

/** The overview cards of the namespaces; idle for an empty list. */
export function overviewQuery(namespaces: OverviewNamespaces, options: InventoryQueryOptions = {}) {
  const duration = options.duration ?? DEFAULT_HEALTH_DURATION;
  return queryOptions({
    queryKey: inventoryKeys.overview(namespaces, duration),
    queryFn: ({ signal }) => fetchJson<{ namespaces: NamespaceOverview[] }>(overviewPath(namespaces, duration), signal),
    refetchInterval: interval(options.refreshSeconds),
    placeholderData: keepPreviousData,
    enabled: namespaces === 'all' || namespaces.length > 0,
    retry: noRetryOn4xx,
  });
}

/** CPU and memory of a workload's sidecars; earlier charts of the same workload stay up while a new window loads. */
export function sidecarResourcesQuery(params: ResourcesParams, refreshSeconds = 0) {
  return queryOptions({
    queryKey: inventoryKeys.resources(params),
    queryFn: ({ signal }) => fetchJson<SidecarResources>(resourcesPath(params), signal),
    refetchInterval: interval(refreshSeconds),
    placeholderData: (previous) => (previous && previous.namespace === params.namespace && previous.workload === params.workload ? previous : undefined),
    retry: noRetryOn4xx,
  });
}
