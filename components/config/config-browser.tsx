'use client';

import { useQuery } from '@tanstack/react-query';
import { istioListQuery } from '@/lib/api/istio';
import { BUTTON_CLASS } from '../graph/toolbar-controls';
import { useFilterText } from '../graph/use-graph-url';
import { PanelNote } from '../inventory/panel-note';
import { useUrlState } from '../inventory/use-url-state';
import { PanelError } from '../ui/panel-error';
import { filterConfigItems, sortConfigItems } from './config-rows';
import { ConfigFilters } from './config-filters';
import { ConfigTable } from './config-table';
import { CONFIG_URL_CODEC } from './config-url';

/** The Istio objects of the chosen namespaces with their validations; filters and sort live in the URL. */
export function ConfigBrowser() {
  const [state, update] = useUrlState(CONFIG_URL_CODEC);
  const [nameText, setNameText] = useFilterText(state.name, (name) => update({ name }));
  // Without a choice in the URL every namespace is listed, in one request: the route validates them together.
  const list = useQuery(istioListQuery(state.namespaces ?? 'all', state.kind));
  const clearFilters = () => {
    setNameText('');
    update({ name: '', validation: [] });
  };

  const data = list.data;
  const shown = data ? sortConfigItems(filterConfigItems(data.items, { name: nameText, validation: state.validation }), state.sort, list.dataUpdatedAt) : [];
  const where = state.namespaces === null ? 'any namespace' : state.namespaces.join(', ');
  const what = state.kind ? `${state.kind} objects` : 'Istio objects';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <ConfigFilters
          namespaces={state.namespaces}
          onNamespacesChange={(namespaces) => update({ namespaces })}
          kind={state.kind}
          onKindChange={(kind) => update({ kind })}
          name={nameText}
          onNameChange={setNameText}
          validation={state.validation}
          onValidationChange={(validation) => update({ validation })}
        />
        <button type="button" onClick={() => void list.refetch()} disabled={list.isFetching || state.namespaces?.length === 0} className={BUTTON_CLASS}>
          {list.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {state.namespaces?.length === 0 && <PanelNote>Choose one or more namespaces to list their Istio config.</PanelNote>}
      {state.namespaces?.length !== 0 && list.isPending && <PanelNote>Loading the Istio config…</PanelNote>}
      {list.isError && <PanelError what="the Istio config" message={list.error.message} onRetry={() => void list.refetch()} />}
      {data && (
        <>
          {data.items.length > 0 && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {`${shown.length} of ${data.items.length} ${what} in ${where}`}
            </p>
          )}
          {shown.length > 0 && <ConfigTable items={shown} sort={state.sort} onSortChange={(sort) => update({ sort })} nowMs={list.dataUpdatedAt} />}
          {shown.length === 0 && (
            <PanelNote>
              {data.items.length === 0 ? `No ${what} in ${where}.` : `No ${what} in ${where} match the filters.`}
              {data.items.length > 0 && (
                <button type="button" onClick={clearFilters} className={BUTTON_CLASS}>
                  Clear the filters
                </button>
              )}
            </PanelNote>
          )}
        </>
      )}
    </div>
  );
}
