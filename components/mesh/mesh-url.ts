// The mesh page's shareable state in the URL: `?namespace=bookinfo,travel&refresh=30`. Pure.

import { parseNamespaceList } from '../graph/url-state';
import type { UrlCodec } from '../inventory/use-url-state';
import { REFRESH_INTERVALS } from '../ui/time-choices';

export interface MeshUrlState {
  /** `null` when the URL does not choose namespaces: the whole mesh. */
  namespaces: string[] | null;
  /** Seconds between refreshes, one of REFRESH_INTERVALS; 0 pauses. */
  refresh: number;
}

export const DEFAULT_MESH_URL_STATE: MeshUrlState = { namespaces: null, refresh: 0 };

/** Reads the state; an unknown refresh falls back to paused. */
export function parseMeshUrlState(params: URLSearchParams): MeshUrlState {
  const ns = params.get('namespace');
  const refresh = Number(params.get('refresh'));
  return {
    namespaces: ns === null ? null : parseNamespaceList(ns),
    refresh: REFRESH_INTERVALS.some((r) => r.seconds === refresh) ? refresh : DEFAULT_MESH_URL_STATE.refresh,
  };
}

/** Writes the state, leaving out what is at its default. */
export function serializeMeshUrlState(state: MeshUrlState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.namespaces !== null) out.set('namespace', state.namespaces.join(','));
  if (state.refresh !== DEFAULT_MESH_URL_STATE.refresh) out.set('refresh', String(state.refresh));
  return out;
}

/** The codec for useUrlState, at module level so its identity is stable. */
export const MESH_URL_CODEC: UrlCodec<MeshUrlState> = { parse: parseMeshUrlState, serialize: serializeMeshUrlState };
