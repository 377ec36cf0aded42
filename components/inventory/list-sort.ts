// The inventory lists' columns, and sorting and filtering their rows. Pure: the order rules live in
// components/graph/table-sort.ts (missing values last, stable, numeric collation) and are shared with the graph.

import type { Health } from '@/lib/mesh/graph/types';
import type { InventoryItem, InventoryKind, SidecarStatus } from '@/lib/mesh/inventory/types';
import { sortRows, type ColumnSort, type SortValue } from '../graph/table-sort';
import { errorRateOf } from './item-format';

export type ListSortKey =
  | 'health'
  | 'name'
  | 'namespace'
  | 'versions'
  | 'sidecar'
  | 'replicas'
  | 'type'
  | 'ports'
  | 'config'
  | 'inRps'
  | 'errors';

export interface ListColumn {
  key: ListSortKey;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric: boolean;
  /** A first click sorts descending: worst health, missing sidecars and the busiest first are what one looks for. */
  descFirst: boolean;
}

const col = (key: ListSortKey, label: string, numeric = false, descFirst = numeric): ListColumn => ({ key, label, numeric, descFirst });

const HEAD = [col('health', 'Health', false, true), col('name', 'Name'), col('namespace', 'Namespace')];
const TAIL = [col('config', 'Istio config', false, true), col('inRps', 'In rps', true), col('errors', 'Errors', true)];

/** Each list's columns, in order. */
export const LIST_COLUMNS: Record<InventoryKind, readonly ListColumn[]> = {
  apps: [...HEAD, col('versions', 'Versions'), col('sidecar', 'Sidecar', false, true), ...TAIL],
  workloads: [...HEAD, col('sidecar', 'Sidecar', false, true), col('replicas', 'Replicas', true), ...TAIL],
  services: [...HEAD, col('type', 'Type'), col('ports', 'Ports'), ...TAIL],
};

// Worse ranks higher, so descending puts failures on top; "no traffic" has no health to rank and goes last.
const HEALTH_RANK: Record<Health, number | undefined> = { healthy: 0, degraded: 1, failure: 2, na: undefined };
const SIDECAR_RANK: Record<SidecarStatus, number> = { injected: 0, partial: 1, missing: 2 };

/** An item's value in a column; undefined where the column does not apply or there is nothing to compare. */
export function itemSortValue(item: InventoryItem, key: ListSortKey): SortValue {
  switch (key) {
    case 'health':
      return HEALTH_RANK[item.health.health];
    case 'name':
      return item.name;
    case 'namespace':
      return item.namespace;
    case 'versions':
      return item.kind === 'apps' && item.versions.length > 0 ? item.versions.join(', ') : undefined;
    case 'sidecar':
      return item.kind === 'services' ? undefined : SIDECAR_RANK[item.sidecar];
    case 'replicas':
      return item.kind === 'workloads' ? item.replicas.desired : undefined;
    case 'type':
      return item.kind === 'services' ? item.type : undefined;
    case 'ports':
      return item.kind === 'services' && item.ports.length > 0 ? Math.min(...item.ports.map((p) => p.port)) : undefined;
    case 'config':
      return item.istio.length;
    case 'inRps':
      return item.health.inRps;
    case 'errors':
      return errorRateOf(item.health);
  }
}

/** The items in table order; without a sort, by namespace then name, so several namespaces interleave predictably. */
export function sortItems<T extends InventoryItem>(items: readonly T[], sort: ColumnSort<ListSortKey> | null): T[] {
  const byName = sortRows(sortRows(items, (i) => i.name, 'asc'), (i) => i.namespace, 'asc');
  return sort ? sortRows(byName, (i) => itemSortValue(i, sort.key), sort.direction) : byName;
}

export interface ListFilters {
  /** Case-insensitive substring of the name; empty matches all. */
  name: string;
  /** Health states to keep; empty keeps all. */
  health: readonly Health[];
}

/** Whether an item passes the name and health filters. */
export function matchesFilters(item: InventoryItem, filters: ListFilters): boolean {
  const needle = filters.name.trim().toLowerCase();
  if (needle && !item.name.toLowerCase().includes(needle)) return false;
  return filters.health.length === 0 || filters.health.includes(item.health.health);
}
