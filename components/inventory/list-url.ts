// A list page's shareable state in the URL: `?namespaces=bookinfo&name=rev&health=degraded,failure&sort=name:asc`.
// Pure: no React, no Next.

import type { Health } from '@/lib/mesh/graph/types';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import type { ColumnSort, SortDirection } from '../graph/table-sort';
import { parseNamespaceList } from '../graph/url-state';
import { HEALTH_STATES } from './item-format';
import { LIST_COLUMNS, type ListSortKey } from './list-sort';

export interface ListUrlState {
  /** `null` when the URL does not choose namespaces (the list then shows every namespace). */
  namespaces: string[] | null;
  name: string;
  /** In HEALTH_STATES order, without duplicates. */
  health: Health[];
  sort: ColumnSort<ListSortKey> | null;
}

export const DEFAULT_LIST_URL_STATE: ListUrlState = { namespaces: null, name: '', health: [], sort: null };

/** Reads `healthy,degraded,failure,na`, dropping unknown states. */
export function parseHealthList(raw: string | null): Health[] {
  const wanted = new Set((raw ?? '').split(',').map((s) => s.trim()));
  return HEALTH_STATES.filter((h) => wanted.has(h));
}

/** Reads `key:direction`; a key that is not a column of this kind's list, or a bad direction, means no sort. */
export function parseListSort(raw: string | null, kind: InventoryKind): ColumnSort<ListSortKey> | null {
  const [key, direction, ...rest] = (raw ?? '').trim().split(':');
  if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) return null;
  const column = LIST_COLUMNS[kind].find((c) => c.key === key);
  return column ? { key: column.key, direction: direction satisfies SortDirection } : null;
}

/** Reads a list's state from URL search params; unknown or invalid values fall back to the defaults. */
export function parseListUrlState(params: URLSearchParams, kind: InventoryKind): ListUrlState {
  const ns = params.get('namespaces');
  return {
    namespaces: ns === null ? null : parseNamespaceList(ns),
    name: params.get('name') ?? '',
    health: parseHealthList(params.get('health')),
    sort: parseListSort(params.get('sort'), kind),
  };
}

/** Writes the state as search params, leaving out what is at its default. */
export function serializeListUrlState(state: ListUrlState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.namespaces !== null) out.set('namespaces', state.namespaces.join(','));
  if (state.name) out.set('name', state.name);
  const health = HEALTH_STATES.filter((h) => state.health.includes(h));
  if (health.length > 0) out.set('health', health.join(','));
  if (state.sort) out.set('sort', `${state.sort.key}:${state.sort.direction}`);
  return out;
}

/**
 * A query string that keeps `,` and `:` readable. Both are allowed as-is in a query (RFC 3986) and
 * URLSearchParams reads them back the same either way, so the change is lossless.
 */
export function readableQuery(params: Pick<URLSearchParams, 'toString'>): string {
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** A link to a list with some of its state set, e.g. the workloads of one namespace. */
export function listHref(path: string, state: Partial<ListUrlState>): string {
  const query = readableQuery(serializeListUrlState({ ...DEFAULT_LIST_URL_STATE, ...state }));
  return query ? `${path}?${query}` : path;
}

/** Each list's URL codec, kept at module level so its identity is stable for the URL hook. */
export const LIST_CODECS: Record<InventoryKind, { parse: (params: URLSearchParams) => ListUrlState; serialize: (state: ListUrlState) => URLSearchParams }> = {
  apps: { parse: (p) => parseListUrlState(p, 'apps'), serialize: serializeListUrlState },
  workloads: { parse: (p) => parseListUrlState(p, 'workloads'), serialize: serializeListUrlState },
  services: { parse: (p) => parseListUrlState(p, 'services'), serialize: serializeListUrlState },
};
