'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { seriesFromMetric, type ChartSeries } from '@/components/charts/chart-model';
import { MetricChart } from '@/components/charts/metric-chart';
import { metricsQuery } from '@/lib/api/metrics';
import { changesQuery } from '@/lib/api/traffic';
import type { Direction, MetricName } from '@/lib/mesh/metrics/types';
import { changeMarkers } from '../traffic/history';
import { errorMessage } from './error-message';
import type { ItemRef } from './links';
import { METRIC_PANELS, metricsParamsFor } from './metric-panels';
import type { DetailsUrlState } from './url-state';

/**
 * The golden signals of one side of the item's traffic, one chart each. One request feeds every chart; each
 * chart shows that request's loading and error state itself, so this tab never blanks as a whole.
 */
export function MetricsTab({ item, direction, state }: { item: ItemRef; direction: Direction; state: DetailsUrlState }) {
  const result = useQuery(metricsQuery(metricsParamsFor(item, direction, state), state.refresh));
  const { data } = result;
  // A service's recorded traffic changes mark the charts, so a step in a signal can be told from its cause.
  const changes = useQuery({ ...changesQuery({ namespace: item.namespace, service: item.name }), enabled: item.kind === 'services' });
  const markers = useMemo(() => (changes.data ? changeMarkers(changes.data) : []), [changes.data]);
  const series = useMemo(() => {
    if (!data) return undefined;
    return Object.fromEntries(METRIC_PANELS.map((p) => [p.metric, seriesFromMetric(data.metrics[p.metric])])) as Record<MetricName, ChartSeries[]>;
  }, [data]);
  // A failed refresh keeps the charts it has and says so; only without any data does each chart show the error.
  const error = result.isError && !data ? errorMessage(result.error) : undefined;
  const staleBecause = result.isError && data ? errorMessage(result.error) : undefined;
  return (
    <section aria-label={`${direction === 'inbound' ? 'Inbound' : 'Outbound'} metrics`}>
      {/* While another split or window loads, the previous charts stay up; say they are about to change. */}
      <p role="status" className="mb-2 min-h-4 text-xs text-slate-500">
        {result.isPlaceholderData ? 'Updating the charts…' : ''}
      </p>
      {staleBecause !== undefined && (
        <p role="alert" className="mb-2 text-sm">
          <span className="font-semibold text-failure">Could not refresh the charts:</span> {staleBecause} Showing the last data that loaded.
        </p>
      )}
      <div className="grid gap-6 md:grid-cols-2 2xl:grid-cols-3">
        {METRIC_PANELS.map((panel) => (
          // A named group per chart, so its legend can be told from the others' (the chart's own section is unnamed).
          <div key={panel.metric} role="group" aria-label={panel.title}>
            <MetricChart
              title={panel.title}
              unit={data?.metrics[panel.metric].unit ?? panel.unit}
              series={series?.[panel.metric] ?? []}
              loading={result.isPending}
              markers={markers}
              {...(error !== undefined ? { error } : {})}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
