'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { MetricChart } from '@/components/charts/metric-chart';
import { changeMarkers } from '@/components/traffic/history';
import { metricsQuery, type GoldenSignals } from '@/lib/api/metrics';
import { changesQuery } from '@/lib/api/traffic';
import type { Series } from '@/lib/mesh/metrics/types';
import type { ChartTarget } from './selection';

export interface ChartWindow {
  /** Seconds of history, the graph's duration. */
  duration: number;
  /** Seconds between refreshes, the graph's; 0 pauses. */
  refresh: number;
}

type ChartPick = (m: GoldenSignals['metrics']) => { unit: GoldenSignals['metrics']['latency']['unit']; series: Series[] };

interface SmallChart {
  title: string;
  pick: ChartPick;
}

const HTTP_CHARTS: SmallChart[] = [
  { title: 'Requests per second', pick: (m) => m.requestRate },
  { title: 'Error rate', pick: (m) => m.errorRate },
  // Three quantiles without a legend would be a guess; p95 is the one the graph's labels show by default.
  { title: 'Latency p95', pick: (m) => ({ unit: m.latency.unit, series: m.latency.series.filter((s) => s.name === 'p95') }) },
];

const TCP_CHARTS: SmallChart[] = [
  { title: 'TCP bytes received', pick: (m) => m.tcpReceived },
  { title: 'TCP bytes sent', pick: (m) => m.tcpSent },
];

/** Sparklines of the selected node's or edge's golden signals over the graph's duration. */
export function SideCharts({ target, chartWindow, tcp }: { target: ChartTarget; chartWindow: ChartWindow; tcp: boolean }) {
  const result = useQuery(metricsQuery({ ...target, duration: chartWindow.duration, byVersion: false }, chartWindow.refresh));
  // A service's recorded traffic changes mark its sparklines: the graph's own time view of a node.
  const isService = target.kind === 'services';
  const changes = useQuery({ ...changesQuery({ namespace: target.namespace, service: target.name }), enabled: isService });
  const markers = useMemo(() => (isService && changes.data ? changeMarkers(changes.data) : []), [isService, changes.data]);
  const charts = tcp ? TCP_CHARTS : HTTP_CHARTS;
  const what = target.direction === 'inbound' ? 'Inbound' : 'Outbound';
  return (
    <section aria-label={`${what} traffic charts`} className="space-y-2">
      <h3 className="text-sm font-semibold">
        {what} traffic{target.peer ? ` from ${target.peer.name}` : ''}
      </h3>
      {charts.map((c) => {
        const metric = result.data ? c.pick(result.data.metrics) : undefined;
        return (
          <div key={c.title}>
            <p className="text-xs text-slate-500">{c.title}</p>
            <MetricChart
              compact
              title={c.title}
              unit={metric?.unit ?? 'rps'}
              series={metric?.series ?? []}
              loading={result.isPending}
              markers={markers}
              {...(result.isError ? { error: result.error instanceof Error ? result.error.message : String(result.error) } : {})}
            />
          </div>
        );
      })}
    </section>
  );
}
