// Where the detail page links to, and what it calls things. Pure.

import { DEFAULT_GRAPH_URL_STATE, serializeGraphUrlState } from '@/components/graph/url-state';
import type { GraphType } from '@/lib/mesh/graph/types';
import type { InventoryItem, InventoryKind } from '@/lib/mesh/inventory/types';

/** The item a detail page is about, as its URL names it. */
export interface ItemRef {
  namespace: string;
  kind: InventoryKind;
  name: string;
}

const KINDS: readonly InventoryKind[] = ['apps', 'workloads', 'services'];

/** The kind a URL segment names, or undefined for any other segment. */
export function inventoryKindOf(segment: string): InventoryKind | undefined {
  return KINDS.find((k) => k === segment);
}

export const KIND_NOUN: Record<InventoryKind, string> = { apps: 'app', workloads: 'workload', services: 'service' };
export const KIND_TITLE: Record<InventoryKind, string> = { apps: 'App', workloads: 'Workload', services: 'Service' };

const LIST_PATH: Record<InventoryKind, string> = { apps: '/applications', workloads: '/workloads', services: '/services' };

/** The list page of a kind, showing one namespace when given (the lists read `?namespaces=a,b`). */
export function listHref(kind: InventoryKind, namespace?: string): string {
  return namespace === undefined ? LIST_PATH[kind] : `${LIST_PATH[kind]}?${new URLSearchParams({ namespaces: namespace }).toString()}`;
}

/** The detail page of an item, optionally on a tab. */
export function detailsHref(ref: ItemRef, tab?: string): string {
  const path = `/namespaces/${[ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/')}`;
  return tab ? `${path}?${new URLSearchParams({ tab }).toString()}` : path;
}

// Graph ids as lib/mesh/graph/build.ts writes them; an app is a node of the app graph, a service one of the
// versioned-app graph (which draws service nodes by default), a workload one of the workload graph.
const GRAPH_OF: Record<InventoryKind, { graphType: GraphType; prefix: string }> = {
  apps: { graphType: 'app', prefix: 'app' },
  workloads: { graphType: 'workload', prefix: 'wl' },
  services: { graphType: 'versionedApp', prefix: 'svc' },
};

/** The id of the item's node in the graph of {@link graphTypeOf} its kind. */
export function graphNodeId(ref: ItemRef): string {
  return `${GRAPH_OF[ref.kind].prefix}:${ref.namespace}:${ref.name}`;
}

/** The graph type whose nodes stand for items of this kind. */
export function graphTypeOf(kind: InventoryKind): GraphType {
  return GRAPH_OF[kind].graphType;
}

/** The graph of the item's namespace with the item's node selected. */
export function graphHref(ref: ItemRef): string {
  const state = { ...DEFAULT_GRAPH_URL_STATE, namespaces: [ref.namespace], graphType: graphTypeOf(ref.kind), node: graphNodeId(ref) };
  return `/graph?${serializeGraphUrlState(state).toString()}`;
}

/**
 * The traces search for the item. Tracing names a service `<app>.<namespace>` after the canonical service, so a
 * workload's is its app (known once the item loaded; the workload's own name when it has none, as Istio falls
 * back to), and a service's is the app its selector picks, else its own name.
 */
export function tracesHref(ref: ItemRef, item: InventoryItem | undefined): string | undefined {
  let app: string | undefined;
  if (ref.kind === 'apps') app = ref.name;
  else if (ref.kind === 'services') app = item?.kind === 'services' ? (item.selector.app ?? ref.name) : ref.name;
  else if (item?.kind === 'workloads') app = item.app ?? ref.name;
  if (app === undefined) return undefined;
  return `/traces?${new URLSearchParams({ service: `${app}.${ref.namespace}` }).toString()}`;
}

/** Istio config of a namespace. */
export function configHref(namespace: string): string {
  return `/config?${new URLSearchParams({ namespace }).toString()}`;
}

/** What the page says when the API does not know the item: "No workload reviews-v9 in bookinfo". */
export function notFoundText(ref: ItemRef): string {
  return `No ${KIND_NOUN[ref.kind]} ${ref.name} in ${ref.namespace}`;
}
