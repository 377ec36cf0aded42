'use client';

import type { Graph } from '@/lib/mesh/graph/types';
import type { GraphSelection } from './cytoscape-view';
import { nodeDisplayName, type CyElement, type GraphView } from './elements';
import { GraphCanvas } from './graph-canvas';
import { GraphLoading, NoNamespaces, NoTraffic } from './graph-states';
import { resolveSelection } from './selection';
import { SidePanel } from './side-panel';
import { durationLabel, longerDuration, type GraphUrlState } from './url-state';

export interface GraphBodyProps {
  state: GraphUrlState;
  update: (change: Partial<GraphUrlState>) => void;
  /** Undefined while the namespace list that picks the defaults is loading (or failed). */
  namespaces: string[] | undefined;
  namespacesError?: string;
  graph: Graph | undefined;
  view: GraphView | undefined;
  elements: readonly CyElement[];
  loading: boolean;
  fetching: boolean;
  animate: boolean;
  relayoutToken: number;
  onSelect: (selection: GraphSelection) => void;
}

/** Whichever of loading, empty or the graph itself applies, below the toolbar. */
export function GraphBody(props: GraphBodyProps) {
  const { state, update, namespaces, graph, view } = props;
  if (namespaces === undefined) {
    return props.namespacesError ? (
      <div role="alert" className="rounded border border-failure/40 bg-failure/10 px-3 py-2 text-sm">
        Could not list namespaces to pick defaults from: {props.namespacesError}
      </div>
    ) : (
      <GraphLoading namespaces={[]} />
    );
  }
  if (namespaces.length === 0) return <NoNamespaces noneInjected={state.namespaces === null} />;
  if (!graph || !view) return props.loading ? <GraphLoading namespaces={namespaces} /> : null;
  if (graph.nodes.length === 0) {
    const longer = longerDuration(state.duration);
    return (
      <NoTraffic
        namespaces={namespaces}
        durationLabel={durationLabel(state.duration)}
        idleEdges={state.idleEdges}
        onShowIdle={() => update({ idleEdges: true })}
        onLonger={longer && { label: longer.label, run: () => update({ duration: longer.seconds }) }}
      />
    );
  }

  const selection = resolveSelection(graph, { node: state.node, edge: state.edge });
  const names = new Map(view.nodes.map((n) => [n.id, nodeDisplayName(n)]));
  const selected: GraphSelection = state.node ? { kind: 'node', id: state.node } : state.edge ? { kind: 'edge', id: state.edge } : null;
  const description = `Traffic graph of ${namespaces.join(', ')} over the last ${durationLabel(graph.duration)}`;
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="off">
        Graph at {new Date(graph.timestamp * 1000).toLocaleTimeString()}
        {props.fetching ? ' · refreshing…' : ''}
      </p>
      <div className="flex flex-col gap-4 lg:flex-row">
        <GraphCanvas
          elements={props.elements}
          nodeCount={view.nodes.length}
          edgeCount={view.edges.length}
          description={description}
          layout={state.layout}
          relayoutToken={props.relayoutToken}
          animate={props.animate}
          selected={selected}
          nameOf={(id) => names.get(id) ?? id}
          onSelect={props.onSelect}
        />
        {selection && (
          <SidePanel
            graph={graph}
            selection={selection}
            onClose={() => props.onSelect(null)}
            onSelectNode={(id) => props.onSelect({ kind: 'node', id })}
            chartWindow={{ duration: state.duration, refresh: state.refresh }}
          />
        )}
      </div>
    </div>
  );
}
