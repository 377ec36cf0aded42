// Where each search result sits on the scatter plot: start time across, duration up. Pure.

import type { TraceSummary } from '@/lib/mesh/traces/types';

export interface PlotBox {
  width: number;
  height: number;
  /** Space kept round the plot so points at the edges are not clipped. */
  margin: number;
}

export interface ScatterPoint {
  traceId: string;
  x: number;
  y: number;
  error: boolean;
  trace: TraceSummary;
}

/** Points in SVG coordinates; a single start time or a zero longest duration sits in the middle of its axis. */
export function scatterPoints(traces: readonly TraceSummary[], box: PlotBox): ScatterPoint[] {
  if (traces.length === 0) return [];
  const minT = Math.min(...traces.map((t) => t.startUs));
  const maxT = Math.max(...traces.map((t) => t.startUs));
  const maxD = Math.max(...traces.map((t) => t.durationUs));
  const w = box.width - 2 * box.margin;
  const h = box.height - 2 * box.margin;
  return traces.map((t) => ({
    traceId: t.traceId,
    x: box.margin + (maxT > minT ? ((t.startUs - minT) / (maxT - minT)) * w : w / 2),
    y: box.margin + h - (maxD > 0 ? (t.durationUs / maxD) * h : h / 2),
    error: t.errorCount > 0,
    trace: t,
  }));
}

/** The plot's axis ends: earliest and latest start, and the longest duration (the axis starts at 0). */
export function scatterExtent(traces: readonly TraceSummary[]): { firstUs: number; lastUs: number; longestUs: number } | undefined {
  if (traces.length === 0) return undefined;
  return {
    firstUs: Math.min(...traces.map((t) => t.startUs)),
    lastUs: Math.max(...traces.map((t) => t.startUs)),
    longestUs: Math.max(...traces.map((t) => t.durationUs)),
  };
}
