'use client';

import { MetricChart, type ChartSeries } from '@/components/charts/metric-chart';

/**
 * CPU and memory of the istio-proxy container: what the mesh costs this item. Both charts share one request's
 * loading and error state.
 */
export function SidecarCharts({ cpu, memory, loading, error }: { cpu: readonly ChartSeries[]; memory: readonly ChartSeries[]; loading: boolean; error?: string }) {
  const state = { loading, ...(error !== undefined ? { error } : {}) };
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div role="group" aria-label="Sidecar CPU">
        <MetricChart title="Sidecar CPU" unit="cores" series={cpu} {...state} />
      </div>
      <div role="group" aria-label="Sidecar memory">
        <MetricChart title="Sidecar memory" unit="bytes" series={memory} {...state} />
      </div>
    </div>
  );
}
