'use client';

import type { NamespaceSummary } from '@/lib/api/namespaces';
import { GRAPH_TYPES } from '@/lib/mesh/graph/types';
import { NamespaceSelect } from './namespace-select';
import { BUTTON_CLASS, ToolbarCheckbox, ToolbarSelect } from './toolbar-controls';
import {
  DURATIONS,
  EDGE_LABELS,
  GRAPH_TYPE_LABELS,
  LAYOUTS,
  REFRESH_INTERVALS,
  type GraphUrlState,
} from './url-state';

const GRAPH_TYPE_OPTIONS = GRAPH_TYPES.map((t) => ({ value: t, label: GRAPH_TYPE_LABELS[t] }));
const DURATION_OPTIONS = DURATIONS.map((d) => ({ value: d.seconds, label: `Last ${d.label}` }));
const REFRESH_OPTIONS = REFRESH_INTERVALS.map((r) => ({ value: r.seconds, label: r.seconds === 0 ? 'Paused' : `Every ${r.label}` }));

export interface GraphToolbarProps {
  state: GraphUrlState;
  update: (change: Partial<GraphUrlState>) => void;
  namespaces: readonly string[];
  available: readonly NamespaceSummary[] | undefined;
  namespacesError?: string;
  fetching: boolean;
  canRefresh: boolean;
  reducedMotion: boolean;
  onRefresh: () => void;
  onRelayout: () => void;
}

/** The graph's controls: what to show, over which time, how often to refresh, and how to draw it. */
export function GraphToolbar(props: GraphToolbarProps) {
  const { state, update, namespaces, available, namespacesError, fetching, canRefresh, reducedMotion } = props;
  return (
    <div role="group" aria-label="Graph controls" className="flex flex-wrap items-end gap-3">
      <NamespaceSelect
        available={available}
        loadError={namespacesError}
        selected={namespaces}
        onChange={(ns) => update({ namespaces: ns, node: null, edge: null })}
      />
      <ToolbarSelect label="Graph type" value={state.graphType} options={GRAPH_TYPE_OPTIONS} onChange={(graphType) => update({ graphType, node: null, edge: null })} />
      <ToolbarSelect label="Duration" value={state.duration} options={DURATION_OPTIONS} onChange={(duration) => update({ duration })} />
      <ToolbarSelect label="Refresh" value={state.refresh} options={REFRESH_OPTIONS} onChange={(refresh) => update({ refresh })} />
      <button type="button" onClick={props.onRefresh} disabled={!canRefresh || fetching} className={BUTTON_CLASS}>
        {fetching ? 'Refreshing…' : 'Refresh now'}
      </button>
      <ToolbarSelect label="Edge labels" value={state.edgeLabel} options={EDGE_LABELS} onChange={(edgeLabel) => update({ edgeLabel })} />
      <ToolbarSelect label="Layout" value={state.layout} options={LAYOUTS} onChange={(layout) => update({ layout })} />
      <button type="button" onClick={props.onRelayout} className={BUTTON_CLASS}>
        Re-layout
      </button>
      <fieldset className="flex flex-wrap items-center gap-3 border-0 p-0">
        <legend className="sr-only">Display</legend>
        <ToolbarCheckbox label="Service nodes" checked={state.serviceNodes} onChange={(serviceNodes) => update({ serviceNodes })} />
        <ToolbarCheckbox label="Idle edges" checked={state.idleEdges} onChange={(idleEdges) => update({ idleEdges })} />
        <ToolbarCheckbox label="mTLS locks" checked={state.mtls} onChange={(mtls) => update({ mtls })} />
        <ToolbarCheckbox
          label="Traffic animation"
          checked={state.animate}
          onChange={(animate) => update({ animate })}
          note={reducedMotion && state.animate ? 'off: reduced motion' : undefined}
        />
      </fieldset>
    </div>
  );
}
