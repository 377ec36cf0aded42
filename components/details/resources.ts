// The sidecar-resources tab's charts from one workload's answer or from each of an app's workloads'. Pure.

import type { ChartSeries } from '@/components/charts/chart-model';
import type { SidecarResources } from '@/lib/api/inventory';

/** Where one workload's resources query stands. */
export interface WorkloadResources {
  workload: string;
  data?: SidecarResources;
  /** Set when the query failed. */
  error?: string;
}

export interface ResourceCharts {
  cpu: ChartSeries[];
  memory: ChartSeries[];
  /** Nothing to draw yet, and something still on its way. */
  loading: boolean;
  /** Every query failed: the first one's message, for the charts' error state. */
  error?: string;
  /** Workloads whose query failed while others answered, so their lines are missing. */
  missing: { workload: string; message: string }[];
}

/**
 * One line per workload, named after it (an app's versions then read as `reviews-v1`, `reviews-v2`…). The API sums
 * a workload's pods into one series, so the workload's name says all a legend needs.
 */
export function resourceCharts(answers: readonly WorkloadResources[]): ResourceCharts {
  const answered = answers.filter((a): a is WorkloadResources & { data: SidecarResources } => a.data !== undefined);
  // A failed refresh keeps its earlier data; only a workload without any is missing from the charts.
  const failed = answers.filter((a): a is WorkloadResources & { error: string } => a.error !== undefined && a.data === undefined);
  const named = (pick: (d: SidecarResources) => SidecarResources['cpu' | 'memory']) =>
    answered.flatMap((a) => pick(a.data).series.map((s): ChartSeries => ({ name: a.workload, points: s.points })));
  const allFailed = answers.length > 0 && failed.length === answers.length;
  return {
    cpu: named((d) => d.cpu),
    memory: named((d) => d.memory),
    loading: answered.length === 0 && answers.some((a) => a.error === undefined),
    ...(allFailed && failed[0] ? { error: failed[0].error } : {}),
    missing: answered.length > 0 ? failed.map((f) => ({ workload: f.workload, message: f.error })) : [],
  };
}
