// The metrics tabs' charts and the request behind them. Pure.

import type { MetricsParams } from '@/lib/api/metrics';
import type { Direction, MetricName, MetricUnit } from '@/lib/mesh/metrics/types';
import type { ItemRef } from './links';
import type { DetailsUrlState } from './url-state';

export interface MetricPanel {
  metric: MetricName;
  title: string;
  /** The unit the API answers in, for the chart's loading and error states before any answer. */
  unit: MetricUnit;
}

/** The golden-signal charts, in the grid's order: the request signals first, TCP last. */
export const METRIC_PANELS: readonly MetricPanel[] = [
  { metric: 'requestRate', title: 'Request rate', unit: 'rps' },
  { metric: 'errorRate', title: 'Error rate', unit: 'percent' },
  { metric: 'latency', title: 'Latency', unit: 'ms' },
  { metric: 'requestSize', title: 'Request size', unit: 'bytes' },
  { metric: 'responseSize', title: 'Response size', unit: 'bytes' },
  { metric: 'tcpSent', title: 'TCP bytes sent', unit: 'Bps' },
  { metric: 'tcpReceived', title: 'TCP bytes received', unit: 'Bps' },
];

/** The metrics request for one side of an item's traffic over the page's window. */
export function metricsParamsFor(ref: ItemRef, direction: Direction, state: Pick<DetailsUrlState, 'duration' | 'step' | 'byVersion'>): MetricsParams {
  return {
    namespace: ref.namespace,
    kind: ref.kind,
    name: ref.name,
    direction,
    duration: state.duration,
    ...(state.step !== null ? { step: state.step } : {}),
    byVersion: state.byVersion,
  };
}

/**
 * Whose versions "Split by version" splits by (lib/mesh/metrics/queries.ts `versionLabels`): an app's or service's
 * own, but a workload has one version only, so it splits by its peers' versions.
 */
export function splitNote(ref: ItemRef, direction: Direction): string | undefined {
  if (ref.kind !== 'workloads') return undefined;
  return direction === 'inbound' ? "callers' versions" : "destinations' versions";
}
