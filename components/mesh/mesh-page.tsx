'use client';

import { useQuery } from '@tanstack/react-query';
import { mtlsQuery } from '@/lib/api/mtls';
import { NamespaceChoice } from '../config/namespace-choice';
import { BUTTON_CLASS, ToolbarSelect } from '../graph/toolbar-controls';
import { PanelNote } from '../inventory/panel-note';
import { useUrlState } from '../inventory/use-url-state';
import { PanelError } from '../ui/panel-error';
import { REFRESH_INTERVALS } from '../ui/time-choices';
import { ControlPlaneCard, MeshCard, MeshPanel } from './mesh-cards';
import { MESH_URL_CODEC } from './mesh-url';
import { workloadsSummary } from './mtls-format';
import { NamespacesTable, WorkloadsTable } from './mtls-tables';

const REFRESH_OPTIONS = REFRESH_INTERVALS.map((r) => ({ value: r.seconds, label: r.label }));

/** mTLS mesh-wide, per namespace and per workload, as configured and as observed, with the control plane. */
export function MeshPage() {
  const [state, update] = useUrlState(MESH_URL_CODEC);
  const report = useQuery(mtlsQuery(state.namespaces ?? 'all', { refreshSeconds: state.refresh }));
  const data = report.data;
  const none = state.namespaces?.length === 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-wrap items-end gap-4">
          <NamespaceChoice chosen={state.namespaces} onChange={(namespaces) => update({ namespaces })} />
          <ToolbarSelect label="Refresh" value={state.refresh} options={REFRESH_OPTIONS} onChange={(refresh) => update({ refresh })} />
        </div>
        <button type="button" onClick={() => void report.refetch()} disabled={report.isFetching || none} className={BUTTON_CLASS}>
          {report.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {none && <PanelNote>Choose one or more namespaces to see their mTLS status.</PanelNote>}
      {!none && report.isPending && <PanelNote>Loading the mTLS report…</PanelNote>}
      {report.isError && <PanelError what="the mTLS report" message={report.error.message} onRetry={() => void report.refetch()} />}
      {data && !none && (
        <div className={`space-y-4 ${report.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={report.isPlaceholderData}>
          {data.observedError && (
            <PanelNote alert>Telemetry could not be read, so nothing is shown as observed ({data.observedError}). The configured status stands.</PanelNote>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <MeshCard mesh={data.mesh} rootNamespace={data.rootNamespace} duration={data.duration} />
            <ControlPlaneCard controlPlane={data.controlPlane} />
          </div>
          <MeshPanel title="Namespaces">
            {data.namespaces.length === 0 ? <p role="status">No namespaces to report on.</p> : <NamespacesTable namespaces={data.namespaces} />}
          </MeshPanel>
          <MeshPanel title="Workloads">
            {data.workloads.length === 0 ? (
              <p role="status">No workloads in the chosen namespaces.</p>
            ) : (
              <>
                <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{workloadsSummary(data.workloads)}</p>
                <WorkloadsTable workloads={data.workloads} />
              </>
            )}
          </MeshPanel>
        </div>
      )}
    </div>
  );
}
