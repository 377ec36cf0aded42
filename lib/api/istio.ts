import { queryOptions } from '@tanstack/react-query';
import type { IstioConfigDetails, IstioConfigList, IstioUpdateResult } from '../mesh/istio/api-types';
import type { IstioKind } from '../mesh/istio/types';
import { fetchJson, retryUnlessClientError, sendJson } from './fetch-json';
import type { OverviewNamespaces } from './inventory';

export type { IstioConfigDetails, IstioConfigList };

/** The Istio kinds the config routes list, in the order the kind filter offers them. */
export const ISTIO_KINDS = [
  'VirtualService',
  'DestinationRule',
  'Gateway',
  'ServiceEntry',
  'Sidecar',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
] as const satisfies readonly IstioKind[];

// Fails to compile when IstioKind gains a member that the list above lacks.
const _everyKind: [Exclude<IstioKind, (typeof ISTIO_KINDS)[number]>] extends [never] ? true : false = true;

/** The kind a URL segment or query value names (exact spelling), or undefined for anything else. */
export function istioKindOf(value: string | null | undefined): IstioKind | undefined {
  return ISTIO_KINDS.find((k) => k === value);
}

/** `'all'` asks for every namespace; an empty list asks for none (the query stays idle). */
export type NamespaceChoice = OverviewNamespaces;

/** Namespaces without duplicates, sorted, so the same choice makes the same key and path. */
export const sortedNamespaces = (ns: NamespaceChoice): 'all' | string[] => (ns === 'all' ? 'all' : [...new Set(ns)].sort());

/** Query keys of the Istio config domain; every input of a query function is in its key. */
export const istioKeys = {
  all: ['istio'] as const,
  list: (namespaces: NamespaceChoice, kind: IstioKind | null) => [...istioKeys.all, 'list', { namespaces: sortedNamespaces(namespaces), kind }] as const,
  details: (namespace: string, kind: IstioKind, name: string) => [...istioKeys.all, 'details', namespace, kind, name] as const,
};

/** `base?namespace=a,b&…`: namespaces sorted (none for all), then the other parameters that are set. */
export function namespacedPath(base: string, namespaces: NamespaceChoice, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  const ns = sortedNamespaces(namespaces);
  if (ns !== 'all') q.set('namespace', ns.join(','));
  for (const [key, value] of Object.entries(params)) if (value !== undefined) q.set(key, value);
  const text = q.toString();
  return text ? `${base}?${text}` : base;
}

/** The list route's path: namespaces sorted (none for all), the kind when one is chosen. */
export function istioListPath(namespaces: NamespaceChoice, kind: IstioKind | null = null): string {
  return namespacedPath('/api/istio', namespaces, { kind: kind ?? undefined });
}

/** The detail route's path, each segment encoded. */
export function istioDetailsPath(namespace: string, kind: IstioKind, name: string): string {
  return `/api/istio/${[namespace, kind, name].map(encodeURIComponent).join('/')}`;
}

// Typed on Error so TanStack infers the queries' error type as Error (an `unknown` parameter would make it unknown).
const noRetryOn4xx = (failureCount: number, error: Error) => retryUnlessClientError(failureCount, error);

/** The Istio objects of the namespaces (of one kind, when given) with their validations; idle for no namespaces. */
export function istioListQuery(namespaces: NamespaceChoice, kind: IstioKind | null = null) {
  return queryOptions({
    queryKey: istioKeys.list(namespaces, kind),
    queryFn: ({ signal }) => fetchJson<IstioConfigList>(istioListPath(namespaces, kind), signal),
    enabled: namespaces === 'all' || namespaces.length > 0,
    retry: noRetryOn4xx,
  });
}

/** One Istio object with its YAML, findings and references; a 404 is not retried. */
export function istioDetailsQuery(namespace: string, kind: IstioKind, name: string) {
  return queryOptions({
    queryKey: istioKeys.details(namespace, kind, name),
    queryFn: ({ signal }) => fetchJson<IstioConfigDetails>(istioDetailsPath(namespace, kind, name), signal),
    retry: noRetryOn4xx,
  });
}

/** Replaces an Istio object with edited YAML, or only checks it (`dryRun`); a 409 carries the new diff in its details. */
export function updateIstioObject(namespace: string, kind: IstioKind, name: string, yaml: string, dryRun: boolean): Promise<IstioUpdateResult> {
  return sendJson<IstioUpdateResult>('PUT', `${istioDetailsPath(namespace, kind, name)}${dryRun ? '?dryRun=true' : ''}`, { yaml });
}
