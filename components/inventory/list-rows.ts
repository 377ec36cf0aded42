// From one list request per namespace to what the table shows: the items that loaded, the namespaces still
// loading or failed (each gets its own row), and what to say when nothing is left. Pure.

import type { InventoryItem, InventoryKind, InventoryList } from '@/lib/mesh/inventory/types';
import type { ColumnSort } from '../graph/table-sort';
import { KIND_INFO } from './kinds';
import { matchesFilters, sortItems, type ListFilters, type ListSortKey } from './list-sort';

/** One namespace's request, as the table needs it (a narrowing of TanStack Query's result). */
export type NamespaceResult =
  | { namespace: string; status: 'pending' }
  | { namespace: string; status: 'error'; message: string }
  | { namespace: string; status: 'success'; list: InventoryList; /** A later refresh failed; the rows are from before. */ refreshError?: string };

export interface ListRows {
  /** The items that passed the filters, in table order. */
  items: InventoryItem[];
  /** Items loaded before filtering. */
  total: number;
  loading: string[];
  failed: { namespace: string; message: string }[];
  loaded: string[];
  /** What the table says when `items` is empty and nothing is loading; undefined otherwise. */
  empty?: string;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Combines the namespaces' results, filters and sorts the items, and words the empty state. */
export function listRows(kind: InventoryKind, results: readonly NamespaceResult[], filters: ListFilters, sort: ColumnSort<ListSortKey> | null): ListRows {
  const loading: string[] = [];
  const failed: ListRows['failed'] = [];
  const loaded: string[] = [];
  const all: InventoryItem[] = [];
  for (const r of results) {
    if (r.status === 'pending') loading.push(r.namespace);
    else if (r.status === 'error') failed.push({ namespace: r.namespace, message: r.message });
    else {
      loaded.push(r.namespace);
      if (r.refreshError) failed.push({ namespace: r.namespace, message: `${r.refreshError} (showing the rows from before)` });
      // A list only holds its own kind; the check keeps a mixed-up response from filling the wrong columns.
      all.push(...r.list.items.filter((i) => i.kind === kind));
    }
  }
  const items = sortItems(all.filter((i) => matchesFilters(i, filters)), sort);
  const rows: ListRows = { items, total: all.length, loading, failed, loaded };
  if (items.length === 0 && loading.length === 0 && loaded.length > 0) {
    const where = `${KIND_INFO[kind].plural} in ${joinNames(loaded)}`;
    rows.empty = all.length === 0 ? `No ${where}` : `No ${where} match the filters`;
  }
  return rows;
}

/** The line above the table: "3 of 8 workloads in 2 namespaces", or "1 application in 1 namespace". */
export function listSummary(kind: InventoryKind, rows: Pick<ListRows, 'items' | 'total'>, namespaceCount: number): string {
  const { singular, plural } = KIND_INFO[kind];
  const noun = rows.total === 1 ? singular : plural;
  const shown = rows.items.length === rows.total ? `${rows.total} ${noun}` : `${rows.items.length} of ${rows.total} ${noun}`;
  return `${shown} in ${namespaceCount} namespace${namespaceCount === 1 ? '' : 's'}`;
}
