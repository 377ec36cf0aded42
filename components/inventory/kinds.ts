// What differs between the three inventory lists (titles, nouns, paths), and the links into the detail pages
// and the Istio config browser. Pure.

import type { InventoryKind } from '@/lib/mesh/inventory/types';

export interface KindInfo {
  /** Page and nav title: "Applications". */
  title: string;
  /** Nouns for sentences: "application", "applications". */
  singular: string;
  plural: string;
  /** Where the list lives. */
  listPath: string;
}

export const KIND_INFO: Record<InventoryKind, KindInfo> = {
  apps: { title: 'Applications', singular: 'application', plural: 'applications', listPath: '/applications' },
  workloads: { title: 'Workloads', singular: 'workload', plural: 'workloads', listPath: '/workloads' },
  services: { title: 'Services', singular: 'service', plural: 'services', listPath: '/services' },
};

export const INVENTORY_KINDS: readonly InventoryKind[] = ['apps', 'workloads', 'services'];

/** The detail page of one item: `/namespaces/{ns}/{kind}/{name}`. */
export function detailHref(kind: InventoryKind, namespace: string, name: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/${kind}/${encodeURIComponent(name)}`;
}

/** The Istio config browser filtered to a namespace (it does not open single objects yet). */
export function configHref(namespace: string): string {
  return `/config?${new URLSearchParams({ namespace }).toString()}`;
}

/** The graph of one namespace. */
export function graphHref(namespace: string): string {
  return `/graph?${new URLSearchParams({ namespaces: namespace }).toString()}`;
}
