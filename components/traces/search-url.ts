// The trace search's shareable state in the URL, and the form's text fields read back into it. Pure: no React, no
// Next. The query names match what `GET /api/traces` takes, so a search URL reads like the API call it makes.

import type { TraceSearchInput } from '@/lib/api/traces';
import { parseGoDuration } from '@/lib/mesh/traces/duration';
import { DEFAULT_LIMIT, MAX_LIMIT } from '@/lib/mesh/traces/search-params';
import { RESULT_SORTS, type ResultSort } from './result-sort';

/** Look-back choices; `custom` means the start/end of the URL. */
export const LOOKBACKS = ['5m', '15m', '1h', '6h', '1d'] as const;
export type Lookback = (typeof LOOKBACKS)[number] | 'custom';

export interface TraceSearchUrlState {
  /** Empty until a service is chosen; no search runs without one. */
  service: string;
  operation: string;
  tags: Record<string, string>;
  lookback: Lookback;
  /** Unix microseconds, used when lookback is `custom`; end null means now. */
  start: number | null;
  end: number | null;
  /** Go-style durations (`100ms`); empty for no bound. */
  minDuration: string;
  maxDuration: string;
  limit: number;
  sort: ResultSort;
}

export const DEFAULT_SEARCH_STATE: TraceSearchUrlState = {
  service: '',
  operation: '',
  tags: {},
  lookback: '1h',
  start: null,
  end: null,
  minDuration: '',
  maxDuration: '',
  limit: DEFAULT_LIMIT,
  sort: 'recent',
};

function micros(raw: string | null): number | null {
  if (raw === null || !/^\d{1,16}$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

function goDuration(raw: string | null): string {
  const v = raw?.trim() ?? '';
  return v !== '' && parseGoDuration(v) !== undefined ? v : '';
}

/** Reads `tags` as a JSON object (what we write, as Jaeger does) or as comma-separated `key=value` pairs. */
export function parseTagsParam(raw: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === null || raw.trim() === '') return out;
  if (raw.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
      for (const [k, v] of Object.entries(parsed)) {
        if (k !== '' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) out[k] = String(v);
      }
    } catch {
      // A hand-edited URL with broken JSON searches without tags rather than failing the page.
    }
    return out;
  }
  for (const pair of raw.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** Reads the search from URL search params; invalid values fall back to the defaults. */
export function parseSearchUrlState(params: URLSearchParams): TraceSearchUrlState {
  const d = DEFAULT_SEARCH_STATE;
  const start = micros(params.get('start'));
  const endRaw = micros(params.get('end'));
  const end = start !== null && endRaw !== null && endRaw < start ? null : endRaw;
  const lookbackRaw = params.get('lookback');
  const lookback: Lookback =
    start !== null ? 'custom' : LOOKBACKS.find((l) => l === lookbackRaw) ?? d.lookback;
  const limitRaw = params.get('limit');
  const limit = limitRaw !== null && /^\d+$/.test(limitRaw) && Number(limitRaw) >= 1 && Number(limitRaw) <= MAX_LIMIT ? Number(limitRaw) : d.limit;
  return {
    service: params.get('service')?.trim() ?? '',
    operation: params.get('operation')?.trim() ?? '',
    tags: parseTagsParam(params.get('tags')),
    lookback,
    start: lookback === 'custom' ? start : null,
    end: lookback === 'custom' ? end : null,
    minDuration: goDuration(params.get('minDuration')),
    maxDuration: goDuration(params.get('maxDuration')),
    limit,
    sort: RESULT_SORTS.find((s) => s.value === params.get('sort'))?.value ?? d.sort,
  };
}

/** Writes the search as URL search params, leaving out what is at its default. */
export function serializeSearchUrlState(state: TraceSearchUrlState): URLSearchParams {
  const d = DEFAULT_SEARCH_STATE;
  const out = new URLSearchParams();
  if (state.service) out.set('service', state.service);
  if (state.operation) out.set('operation', state.operation);
  const tags = Object.entries(state.tags).sort(([a], [b]) => a.localeCompare(b));
  if (tags.length > 0) out.set('tags', JSON.stringify(Object.fromEntries(tags)));
  if (state.lookback === 'custom' && state.start !== null) {
    out.set('start', String(state.start));
    if (state.end !== null) out.set('end', String(state.end));
  } else if (state.lookback !== 'custom' && state.lookback !== d.lookback) out.set('lookback', state.lookback);
  if (state.minDuration) out.set('minDuration', state.minDuration);
  if (state.maxDuration) out.set('maxDuration', state.maxDuration);
  if (state.limit !== d.limit) out.set('limit', String(state.limit));
  if (state.sort !== d.sort) out.set('sort', state.sort);
  return out;
}

/** The URL codec, at module level so its identity is stable for the URL hook. */
export const SEARCH_CODEC = { parse: parseSearchUrlState, serialize: serializeSearchUrlState };

/** What the search query takes; null until a service is chosen. */
export function searchInput(state: TraceSearchUrlState): TraceSearchInput | null {
  if (state.service === '') return null;
  const custom = state.lookback === 'custom' && state.start !== null;
  return {
    service: state.service,
    ...(state.operation ? { operation: state.operation } : {}),
    tags: state.tags,
    ...(custom ? { start: state.start ?? undefined } : { lookback: state.lookback === 'custom' ? DEFAULT_SEARCH_STATE.lookback : state.lookback }),
    ...(custom && state.end !== null ? { end: state.end } : {}),
    ...(state.minDuration ? { minDuration: state.minDuration } : {}),
    ...(state.maxDuration ? { maxDuration: state.maxDuration } : {}),
    limit: state.limit,
  };
}
