// The Overview's shareable state: which namespaces get a card (`/?namespaces=bookinfo,travel`). Pure.

import { parseNamespaceList } from '../graph/url-state';

export interface OverviewUrlState {
  /** `null` when the URL does not choose: every namespace gets a card. */
  namespaces: string[] | null;
}

/** Reads the Overview's state from URL search params. */
export function parseOverviewUrlState(params: URLSearchParams): OverviewUrlState {
  const ns = params.get('namespaces');
  return { namespaces: ns === null ? null : parseNamespaceList(ns) };
}

/** Writes it back; with no choice the URL stays bare. */
export function serializeOverviewUrlState(state: OverviewUrlState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.namespaces !== null) out.set('namespaces', state.namespaces.join(','));
  return out;
}

/** The namespaces the filter shows as chosen: the URL's, else all the console knows of (undefined until it does). */
export function overviewNamespaces(chosen: string[] | null, available: readonly { name: string }[] | undefined): string[] | undefined {
  if (chosen !== null) return chosen;
  return available?.map((n) => n.name);
}

/** The Overview's URL codec, at module level so its identity is stable for the URL hook. */
export const OVERVIEW_CODEC = { parse: parseOverviewUrlState, serialize: serializeOverviewUrlState };
