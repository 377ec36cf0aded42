'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { graphQuery } from '@/lib/api/graph';
import { namespacesQuery } from '@/lib/api/namespaces';
import type { Graph } from '@/lib/mesh/graph/types';
import type { GraphSelection } from './cytoscape-view';
import { filterGraph, toCyElements } from './elements';
import { FilterBox } from './filter-box';
import { compileFilter, filterPredicate, type CompiledFilter } from './find-filter';
import { countOf } from './format';
import { GraphBody } from './graph-body';
import { toGraphParams } from './graph-params';
import { GraphTable } from './graph-table';
import { GraphError } from './graph-states';
import { GraphToolbar } from './graph-toolbar';
import { effectiveNamespaces } from './url-state';
import { useFilterText, useGraphUrlState } from './use-graph-url';
import { usePrefersReducedMotion } from './use-media';

function timeOf(graph: Graph): string {
  return new Date(graph.timestamp * 1000).toLocaleTimeString();
}

function findSummary(filter: CompiledFilter, matched: { nodes: number; edges: number }): string | undefined {
  if (filter.kind !== 'expr') return undefined;
  const total = matched.nodes + matched.edges;
  return total === 0 ? 'No matches' : `${countOf(matched.nodes, 'node')} and ${countOf(matched.edges, 'edge')} match`;
}

/** The topology page: toolbar, Find/Hide, the canvas with its side panel, and the table view. */
export function GraphPage() {
  const [state, update] = useGraphUrlState();
  const reducedMotion = usePrefersReducedMotion();
  const namespacesResult = useQuery(namespacesQuery);
  const namespaces = effectiveNamespaces(state.namespaces, namespacesResult.data?.namespaces);
  const result = useQuery(graphQuery(toGraphParams(state, namespaces ?? []), state.refresh));

  // The last graph that loaded, kept on screen (with a banner) when a later request fails.
  const [lastGraph, setLastGraph] = useState<Graph>();
  if (result.data && !result.isPlaceholderData && result.data !== lastGraph) setLastGraph(result.data);
  const hasNamespaces = namespaces !== undefined && namespaces.length > 0;
  const graph = hasNamespaces ? (result.data ?? (result.isError ? lastGraph : undefined)) : undefined;

  const [findText, setFindText] = useFilterText(state.find, (find) => update({ find }));
  const [hideText, setHideText] = useFilterText(state.hide, (hide) => update({ hide }));
  const findFilter = useMemo(() => compileFilter(findText), [findText]);
  const hideFilter = useMemo(() => compileFilter(hideText), [hideText]);
  const view = useMemo(
    () => graph && filterGraph(graph, filterPredicate(findFilter, graph.nodes), filterPredicate(hideFilter, graph.nodes)),
    [graph, findFilter, hideFilter],
  );

  const selectedId = state.node ?? state.edge;
  const animate = state.animate && !reducedMotion;
  const showNamespace = (namespaces?.length ?? 0) > 1;
  const elements = useMemo(
    () => (view ? toCyElements(view, { edgeLabel: state.edgeLabel, mtls: state.mtls, showNamespace, animate, selectedId }) : []),
    [view, state.edgeLabel, state.mtls, showNamespace, animate, selectedId],
  );

  const onSelect = useCallback(
    (s: GraphSelection) => update({ node: s?.kind === 'node' ? s.id : null, edge: s?.kind === 'edge' ? s.id : null }),
    [update],
  );
  const [relayoutToken, setRelayoutToken] = useState(0);
  const { refetch } = result;
  const refresh = useCallback(() => void refetch(), [refetch]);

  return (
    <div className="space-y-4">
      <GraphToolbar
        state={state}
        update={update}
        namespaces={namespaces ?? []}
        available={namespacesResult.data?.namespaces}
        namespacesError={namespacesResult.error?.message}
        fetching={result.isFetching}
        canRefresh={hasNamespaces}
        reducedMotion={reducedMotion}
        onRefresh={refresh}
        onRelayout={() => setRelayoutToken((t) => t + 1)}
      />
      <div className="flex flex-wrap gap-4">
        <FilterBox
          label="Find"
          text={findText}
          filter={findFilter}
          onChange={setFindText}
          summary={view && findSummary(findFilter, { nodes: view.matchedNodes.size, edges: view.matchedEdges.size })}
        />
        <FilterBox
          label="Hide"
          text={hideText}
          filter={hideFilter}
          onChange={setHideText}
          summary={view && hideFilter.kind === 'expr' ? `Hiding ${countOf(view.hiddenNodes, 'node')} and ${countOf(view.hiddenEdges, 'edge')}` : undefined}
        />
      </div>
      {hasNamespaces && result.isError && (
        <GraphError message={result.error.message} stale={graph ? `from ${timeOf(graph)}` : undefined} onRetry={refresh} />
      )}
      <GraphBody
        state={state}
        update={update}
        namespaces={namespaces}
        namespacesError={namespacesResult.error?.message}
        graph={graph}
        view={view}
        elements={elements}
        loading={hasNamespaces && result.isPending}
        fetching={result.isFetching}
        animate={animate}
        relayoutToken={relayoutToken}
        onSelect={onSelect}
      />
      {view && view.nodes.length + view.edges.length > 0 && (
        <GraphTable view={view} selectedId={selectedId} onSelect={onSelect} sort={state.sort} onSortChange={(sort) => update({ sort })} />
      )}
    </div>
  );
}
