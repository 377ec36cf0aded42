'use client';

import { useQuery } from '@tanstack/react-query';
import { traceSearchQuery } from '@/lib/api/traces';
import { useUrlState } from '../inventory/use-url-state';
import { errorText, formatStartUs } from './format';
import { sortTraces } from './result-sort';
import { SearchForm } from './search-form';
import { searchInput, SEARCH_CODEC, serializeSearchUrlState, type TraceSearchUrlState } from './search-url';
import { TraceEmpty, TraceError, TraceLoading } from './trace-states';
import { TraceResults } from './trace-results';
import { TraceScatter } from './trace-scatter';

// An idle query key for the page before a service is chosen; the query stays disabled with an empty service.
const NO_SEARCH = { service: '', tags: {} };

/** The trace search: the form writes the URL, and the search runs from the URL so a link shares it. */
export function TraceSearch() {
  const [state, update] = useUrlState(SEARCH_CODEC);
  const input = searchInput(state);
  const search = useQuery(traceSearchQuery(input ?? NO_SEARCH));
  // Remount the form when the URL's search changes (back button, a pasted link), but not for the sort.
  const formKey = serializeSearchUrlState({ ...state, sort: 'recent' } satisfies TraceSearchUrlState).toString();

  return (
    <div className="space-y-4">
      <SearchForm key={formKey} state={state} onSubmit={update} />
      {input === null ? (
        <TraceEmpty>Choose a service and search to see its traces.</TraceEmpty>
      ) : search.isPending ? (
        <TraceLoading>Searching the traces of {input.service}…</TraceLoading>
      ) : search.isError ? (
        <TraceError what="the traces" message={errorText(search.error)} onRetry={() => void search.refetch()} />
      ) : search.data.traces.length === 0 ? (
        <TraceEmpty>
          <p className="font-medium">No traces found.</p>
          <p className="mt-1 text-sm">
            Nothing from {input.service} between {formatStartUs(search.data.query.startUs)} and {formatStartUs(search.data.query.endUs)} matched. Try a longer
            lookback or fewer filters.
          </p>
        </TraceEmpty>
      ) : (
        <section aria-label="Search results" className="space-y-3">
          <p className="text-sm text-slate-600 dark:text-slate-400" data-trace-count={search.data.traces.length}>
            {search.data.traces.length} traces{search.data.traces.length === search.data.query.limit ? ` (the limit; raise it to see more)` : ''}.
          </p>
          <TraceScatter traces={search.data.traces} />
          <TraceResults traces={sortTraces(search.data.traces, state.sort)} sort={state.sort} onSort={(sort) => update({ sort })} />
        </section>
      )}
    </div>
  );
}
