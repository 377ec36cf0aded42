// The search form's text fields and their checks, turned into URL state on submit. Pure: no React.

import { parseGoDuration } from '@/lib/mesh/traces/duration';
import { MAX_LIMIT } from '@/lib/mesh/traces/search-params';
import type { Lookback, TraceSearchUrlState } from './search-url';

/** The form as typed: every field is text, so a half-typed value does not fight the input. */
export interface SearchDraft {
  service: string;
  operation: string;
  tags: string;
  lookback: Lookback;
  /** `datetime-local` values, in the browser's time zone. */
  start: string;
  end: string;
  minDuration: string;
  maxDuration: string;
  limit: string;
}

export type DraftErrors = Partial<Record<keyof SearchDraft, string>>;

// A pair is key=value; a value with spaces goes in double quotes.
const PAIR = /\s*([^=\s"]+)=(?:"([^"]*)"|([^\s"]*))\s*/y;

/** Reads `key=value key2="a b"`; undefined when the text is not such a list. */
export function parseTagsText(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let at = 0;
  const s = text.trim();
  while (at < s.length) {
    PAIR.lastIndex = at;
    const m = PAIR.exec(s);
    if (!m?.[1]) return undefined;
    out[m[1]] = m[2] ?? m[3] ?? '';
    at = PAIR.lastIndex;
  }
  return out;
}

/** Writes tags the way parseTagsText reads them, quoting values with spaces. */
export function formatTagsText(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([k, v]) => (/[\s]/.test(v) || v === '' ? `${k}="${v}"` : `${k}=${v}`))
    .join(' ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Unix microseconds → a `datetime-local` value in the browser's time zone. */
export function toLocalInput(us: number | null): string {
  if (us === null) return '';
  const d = new Date(Math.floor(us / 1000));
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value → Unix microseconds; undefined when it is not one. */
export function fromLocalInput(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return undefined;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms * 1000 : undefined;
}

/** The form filled from the URL's state. */
export function draftFromState(s: TraceSearchUrlState): SearchDraft {
  return {
    service: s.service,
    operation: s.operation,
    tags: formatTagsText(s.tags),
    lookback: s.lookback,
    start: toLocalInput(s.start),
    end: toLocalInput(s.end),
    minDuration: s.minDuration,
    maxDuration: s.maxDuration,
    limit: String(s.limit),
  };
}

/** The URL change a submitted form asks for, or the errors by field. */
export function stateFromDraft(d: SearchDraft): { change: Partial<TraceSearchUrlState> } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (d.service === '') errors.service = 'Choose a service.';
  const tags = parseTagsText(d.tags);
  if (tags === undefined) errors.tags = 'Write tags as key=value, separated by spaces; quote values with spaces.';
  let start: number | null = null;
  let end: number | null = null;
  if (d.lookback === 'custom') {
    start = fromLocalInput(d.start) ?? null;
    if (start === null) errors.start = 'Give a start time.';
    end = d.end === '' ? null : (fromLocalInput(d.end) ?? null);
    if (d.end !== '' && end === null) errors.end = 'Give a valid end time, or leave it empty for now.';
    else if (start !== null && end !== null && end < start) errors.end = 'The end must not be before the start.';
  }
  const min = d.minDuration.trim() === '' ? null : parseGoDuration(d.minDuration.trim());
  const max = d.maxDuration.trim() === '' ? null : parseGoDuration(d.maxDuration.trim());
  if (min === undefined) errors.minDuration = 'Use a duration such as 100ms, 1.5s or 2m.';
  if (max === undefined) errors.maxDuration = 'Use a duration such as 100ms, 1.5s or 2m.';
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.maxDuration = 'The maximum must not be below the minimum.';
  const limit = Number(d.limit);
  if (!/^\d+$/.test(d.limit.trim()) || limit < 1 || limit > MAX_LIMIT) errors.limit = `A whole number from 1 to ${MAX_LIMIT}.`;
  if (Object.keys(errors).length > 0 || tags === undefined) return { errors };
  return {
    change: {
      service: d.service,
      operation: d.operation,
      tags,
      lookback: d.lookback,
      start,
      end,
      minDuration: d.minDuration.trim(),
      maxDuration: d.maxDuration.trim(),
      limit,
    },
  };
}
