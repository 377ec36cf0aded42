'use client';

import { useQueries } from '@tanstack/react-query';
import { sidecarResourcesQuery } from '@/lib/api/inventory';
import { PanelLoading } from './details-states';
import { errorMessage } from './error-message';
import type { ItemRef } from './links';
import { resourceCharts } from './resources';
import { SidecarCharts } from './sidecar-charts';
import type { DetailsUrlState } from './url-state';

/**
 * CPU and memory of the item's sidecars: a workload's own, an app's one line per workload. `workloads` is
 * undefined while an app's workloads are not known yet.
 */
export function ResourcesTab({ item, workloads, state }: { item: ItemRef; workloads: readonly string[] | undefined; state: DetailsUrlState }) {
  const results = useQueries({
    queries: (workloads ?? []).map((workload) =>
      sidecarResourcesQuery({ namespace: item.namespace, workload, duration: state.duration, ...(state.step !== null ? { step: state.step } : {}) }, state.refresh),
    ),
  });
  const answers = (workloads ?? []).map((workload, i) => {
    const r = results[i];
    return { workload, ...(r?.data ? { data: r.data } : {}), ...(r?.isError ? { error: errorMessage(r.error) } : {}) };
  });
  // Rebuilt each render, which only query answers and the window cause; a few short series cost nothing to redo.
  const charts = resourceCharts(answers);

  if (workloads === undefined) return <PanelLoading what="the workloads" />;
  if (workloads.length === 0) return <p className="text-sm text-slate-500">This {item.kind === 'apps' ? 'app' : 'item'} has no workloads, so no sidecars.</p>;
  return (
    <section aria-label="Sidecar resources" className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The istio-proxy container{workloads.length > 1 ? ' of each workload' : ''}, summed over its pods.
      </p>
      {charts.missing.map((m) => (
        <p key={m.workload} role="alert" className="text-sm">
          <span className="font-semibold text-failure">Could not load {m.workload}:</span> {m.message}
        </p>
      ))}
      <SidecarCharts cpu={charts.cpu} memory={charts.memory} loading={charts.loading} {...(charts.error !== undefined ? { error: charts.error } : {})} />
    </section>
  );
}
