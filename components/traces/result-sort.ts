// Ordering the search results. Pure: the tie rules come from the shared table sort (stable, missing values last).

import type { TraceSummary } from '@/lib/mesh/traces/types';
import { sortRows } from '../graph/table-sort';

export const RESULT_SORTS = [
  { value: 'recent', label: 'Most recent' },
  { value: 'longest', label: 'Longest' },
  { value: 'spans', label: 'Most spans' },
  { value: 'errors', label: 'Most errors' },
] as const;

export type ResultSort = (typeof RESULT_SORTS)[number]['value'];

const VALUE: Record<ResultSort, (t: TraceSummary) => number> = {
  recent: (t) => t.startUs,
  longest: (t) => t.durationUs,
  spans: (t) => t.spanCount,
  errors: (t) => t.errorCount,
};

/** The traces in the chosen order, largest first; ties fall back to the most recent first. */
export function sortTraces(traces: readonly TraceSummary[], sort: ResultSort): TraceSummary[] {
  return sortRows(sortRows(traces, VALUE.recent, 'desc'), VALUE[sort], 'desc');
}
