'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { inventoryListQuery } from '@/lib/api/inventory';
import { namespacesQuery } from '@/lib/api/namespaces';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import { BUTTON_CLASS } from '../graph/toolbar-controls';
import { useFilterText } from '../graph/use-graph-url';
import { InventoryFilters } from './inventory-filters';
import { InventoryTable } from './inventory-table';
import { KIND_INFO } from './kinds';
import { PanelNote } from './panel-note';
import { listRows, listSummary, type NamespaceResult } from './list-rows';
import { LIST_CODECS } from './list-url';
import { useUrlState } from './use-url-state';

/** Seconds between refreshes of the rows, as the graph's default. */
const REFRESH_SECONDS = 30;

/** An applications, workloads or services list over the chosen namespaces, with its filters and sort in the URL. */
export function InventoryList({ kind }: { kind: InventoryKind }) {
  const [state, update] = useUrlState(LIST_CODECS[kind]);
  const namespacesResult = useQuery(namespacesQuery);
  // Without a choice in the URL every namespace is listed: the lists are where workloads outside the mesh show up.
  const namespaces = state.namespaces ?? namespacesResult.data?.namespaces.map((n) => n.name);
  const [nameText, setNameText] = useFilterText(state.name, (name) => update({ name }));

  // One request per namespace, so a namespace that fails (or is slow) does not hold back the others.
  const queries = useQueries({
    queries: (namespaces ?? []).map((ns) => inventoryListQuery(ns, kind, { refreshSeconds: REFRESH_SECONDS })),
  });
  const results = queries.map((q, i): NamespaceResult => {
    const namespace = namespaces?.[i] ?? '';
    if (q.data) return { namespace, status: 'success', list: q.data, refreshError: q.error?.message };
    if (q.isError) return { namespace, status: 'error', message: q.error.message };
    return { namespace, status: 'pending' };
  });
  const rows = listRows(kind, results, { name: nameText, health: state.health }, state.sort);
  const { plural } = KIND_INFO[kind];
  const fetching = queries.some((q) => q.isFetching);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <InventoryFilters
          available={namespacesResult.data?.namespaces}
          namespacesError={namespacesResult.error?.message}
          namespaces={namespaces ?? []}
          onNamespacesChange={(next) => update({ namespaces: next })}
          name={nameText}
          onNameChange={setNameText}
          health={state.health}
          onHealthChange={(health) => update({ health })}
        />
        <button type="button" onClick={() => queries.forEach((q) => void q.refetch())} disabled={fetching || !namespaces?.length} className={BUTTON_CLASS}>
          {fetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {namespaces === undefined && namespacesResult.isError && <PanelNote alert>{`Could not list the namespaces: ${namespacesResult.error.message}`}</PanelNote>}
      {namespaces === undefined && !namespacesResult.isError && <PanelNote>Loading namespaces…</PanelNote>}
      {namespaces?.length === 0 && <PanelNote>{`Choose one or more namespaces to list their ${plural}.`}</PanelNote>}
      {namespaces !== undefined && namespaces.length > 0 && (
        <>
          {rows.loaded.length > 0 && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {listSummary(kind, rows, namespaces.length)}
            </p>
          )}
          <InventoryTable
            kind={kind}
            rows={rows}
            sort={state.sort}
            onSortChange={(sort) => update({ sort })}
            onRetry={(ns) => void queries[namespaces.indexOf(ns)]?.refetch()}
            onClearFilters={() => {
              setNameText('');
              update({ name: '', health: [] });
            }}
          />
        </>
      )}
    </div>
  );
}
