'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { overviewQuery } from '@/lib/api/inventory';
import { namespacesQuery } from '@/lib/api/namespaces';
import { BUTTON_CLASS } from '../graph/toolbar-controls';
import { NamespaceSelect } from '../graph/namespace-select';
import { HEALTH_DOT_CLASS, HEALTH_LABEL, HEALTH_STATES } from '../inventory/item-format';
import { PanelNote } from '../inventory/panel-note';
import { useUrlState } from '../inventory/use-url-state';
import { NamespaceCard } from './namespace-card';
import { OVERVIEW_CODEC, overviewNamespaces } from './overview-url';

/** The dots on the cards carry no words of their own; one legend explains them all. */
function Legend() {
  return (
    <ul aria-label="Health colours" className="flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400">
      {HEALTH_STATES.map((h) => (
        <li key={h} className="flex items-center gap-1">
          <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${HEALTH_DOT_CLASS[h]}`} />
          {HEALTH_LABEL[h]}
        </li>
      ))}
    </ul>
  );
}

/** Seconds between refreshes of the cards, as the graph's default. */
const REFRESH_SECONDS = 30;

/** One card per namespace (all, or those the URL names), each with its own health, traffic and sidecars. */
export function OverviewPanel() {
  const [state, update] = useUrlState(OVERVIEW_CODEC);
  const namespacesResult = useQuery(namespacesQuery);
  // Asking the server for "all" keeps the cards independent of the namespace list loading (or failing).
  const result = useQuery(overviewQuery(state.namespaces ?? 'all', { refreshSeconds: REFRESH_SECONDS }));
  const cards = result.data?.namespaces;
  const selected = overviewNamespaces(state.namespaces, namespacesResult.data?.namespaces ?? cards?.map((c) => ({ name: c.namespace })));

  let body: ReactNode;
  if (state.namespaces?.length === 0) {
    body = <PanelNote>Choose one or more namespaces to see their cards.</PanelNote>;
  } else if (result.isError && !cards) {
    body = (
      <PanelNote alert>
        <span className="flex-1">
          <span className="font-semibold">Could not load the overview:</span> {result.error.message}
        </span>
        <button type="button" onClick={() => void result.refetch()} className={BUTTON_CLASS}>
          Try again
        </button>
      </PanelNote>
    );
  } else if (!cards) {
    body = <PanelNote>Loading the overview of {state.namespaces === null ? 'every namespace' : state.namespaces.join(', ')}…</PanelNote>;
  } else if (cards.length === 0) {
    body = <PanelNote>No namespaces to show.</PanelNote>;
  } else {
    body = (
      // While other namespaces load, the previous cards stay, faded, rather than blanking the panel.
      <ul aria-busy={result.isPlaceholderData} className={`grid gap-3 md:grid-cols-2 2xl:grid-cols-3 ${result.isPlaceholderData ? 'opacity-60' : ''}`}>
        {cards.map((o) => (
          <li key={o.namespace}>
            <NamespaceCard overview={o} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby="namespaces-heading" className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <h2 id="namespaces-heading" className="text-lg font-semibold">
          Namespaces
        </h2>
        <NamespaceSelect
          available={namespacesResult.data?.namespaces}
          loadError={namespacesResult.error?.message}
          selected={selected ?? []}
          onChange={(next) => update({ namespaces: next })}
        />
        <button type="button" onClick={() => void result.refetch()} disabled={result.isFetching || state.namespaces?.length === 0} className={BUTTON_CLASS}>
          {result.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
        <Legend />
      </div>
      {result.isError && cards && (
        <PanelNote alert>
          Could not refresh the overview: {result.error.message}. Showing the cards that loaded before.
        </PanelNote>
      )}
      {body}
    </section>
  );
}
