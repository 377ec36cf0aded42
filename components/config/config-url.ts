// The config browser's shareable state in the URL:
// `?namespace=bookinfo,travel&kind=VirtualService&name=rev&validation=warning,error&sort=age:desc`. Pure.

import { istioKindOf } from '@/lib/api/istio';
import type { IstioKind } from '@/lib/mesh/istio/types';
import type { ColumnSort } from '../graph/table-sort';
import { parseNamespaceList } from '../graph/url-state';
import type { UrlCodec } from '../inventory/use-url-state';
import { CONFIG_COLUMNS, VALIDATIONS, type ConfigSortKey, type Validation } from './config-rows';

export interface ConfigUrlState {
  /** `null` when the URL does not choose namespaces: every namespace is listed. */
  namespaces: string[] | null;
  kind: IstioKind | null;
  name: string;
  /** In VALIDATIONS order, without duplicates; empty shows all. */
  validation: Validation[];
  sort: ColumnSort<ConfigSortKey> | null;
}

export const DEFAULT_CONFIG_URL_STATE: ConfigUrlState = { namespaces: null, kind: null, name: '', validation: [], sort: null };

function parseSort(raw: string | null): ColumnSort<ConfigSortKey> | null {
  const [key, direction, ...rest] = (raw ?? '').trim().split(':');
  if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) return null;
  const column = CONFIG_COLUMNS.find((c) => c.key === key);
  return column ? { key: column.key, direction } : null;
}

/** Reads the state; unknown kinds, validations and sorts fall back to the defaults. */
export function parseConfigUrlState(params: URLSearchParams): ConfigUrlState {
  const ns = params.get('namespace');
  const wanted = new Set((params.get('validation') ?? '').split(',').map((s) => s.trim()));
  return {
    namespaces: ns === null ? null : parseNamespaceList(ns),
    kind: istioKindOf(params.get('kind')) ?? null,
    name: params.get('name') ?? '',
    validation: VALIDATIONS.filter((v) => wanted.has(v)),
    sort: parseSort(params.get('sort')),
  };
}

/** Writes the state, leaving out what is at its default. */
export function serializeConfigUrlState(state: ConfigUrlState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.namespaces !== null) out.set('namespace', state.namespaces.join(','));
  if (state.kind) out.set('kind', state.kind);
  if (state.name) out.set('name', state.name);
  const validation = VALIDATIONS.filter((v) => state.validation.includes(v));
  if (validation.length > 0) out.set('validation', validation.join(','));
  if (state.sort) out.set('sort', `${state.sort.key}:${state.sort.direction}`);
  return out;
}

/** The codec for useUrlState, at module level so its identity is stable. */
export const CONFIG_URL_CODEC: UrlCodec<ConfigUrlState> = { parse: parseConfigUrlState, serialize: serializeConfigUrlState };
