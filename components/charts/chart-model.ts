// What the chart draws, computed without React or recharts: rows, colours, emptiness and the spoken summary. Pure.

import type { Metric, Point } from '@/lib/mesh/metrics/types';
import { formatTimeTick, formatValue, UNIT_WORDS, type MetricUnit } from './units';

/** A colour with a meaning, for series whose meaning is known (response classes); others take the palette. */
export type Tone = 'ok' | 'info' | 'warn' | 'error' | 'muted';

/** One line of a chart. */
export interface ChartSeries {
  name: string;
  /** `[unixSeconds, value]`; null is a gap in the line, never drawn as zero. */
  points: readonly Point[];
  tone?: Tone;
}

/** One row of recharts data: the instant and each series' value under its key (`s0`, `s1`…). */
export type ChartRow = { t: number } & Record<string, number | null>;

/** Number of palette colours; series beyond it reuse them in order. */
export const PALETTE_SIZE = 8;

// Health colours come from the app's theme (app/globals.css); the palette variables are set by the chart's wrapper.
const TONE_COLOR: Record<Tone, string> = {
  ok: 'var(--color-healthy)',
  info: 'var(--chart-1)',
  warn: 'var(--color-degraded)',
  error: 'var(--color-failure)',
  muted: 'var(--chart-2)',
};

/** The key a series' values have in a {@link ChartRow}; names may hold dots or spaces, which recharts reads as paths. */
export function seriesKey(index: number): string {
  return `s${index}`;
}

/** The CSS colour of a series: its tone's, or the palette's by position. */
export function seriesColor(series: ChartSeries, index: number): string {
  return series.tone ? TONE_COLOR[series.tone] : `var(--chart-${(index % PALETTE_SIZE) + 1})`;
}

/** Rows for recharts, one per instant of any series, in time order; a series without that instant has null there. */
export function chartRows(series: readonly ChartSeries[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  series.forEach((s, i) => {
    for (const [t, v] of s.points) {
      const row = rows.get(t) ?? { t };
      row[seriesKey(i)] = v;
      rows.set(t, row);
    }
  });
  const sorted = [...rows.values()].sort((a, b) => a.t - b.t);
  for (const row of sorted) series.forEach((_, i) => (row[seriesKey(i)] ??= null));
  return sorted;
}

/**
 * Whether a row's value stands alone between gaps (or a gap and an edge). A line needs two neighbours to show,
 * so such a point gets a dot, or the only sample of a burst of traffic would be invisible.
 */
export function isIsolated(rows: readonly ChartRow[], key: string, index: number): boolean {
  const missing = (v: number | null | undefined) => v === null || v === undefined;
  return !missing(rows[index]?.[key]) && missing(rows[index - 1]?.[key]) && missing(rows[index + 1]?.[key]);
}

/** Whether any series has at least one value; a chart of only gaps is "no traffic". */
export function hasData(series: readonly ChartSeries[]): boolean {
  return series.some((s) => s.points.some(([, v]) => v !== null));
}

const CLASS_TONES: Record<string, Tone> = { '2xx': 'ok', '3xx': 'info', '4xx': 'warn', '5xx': 'error', 'no response': 'muted', errors: 'error' };

/**
 * A metric from the API as chart series. Response classes get their health colours, but only without a version
 * split: two versions' `2xx` lines in one green could not be told apart.
 */
export function seriesFromMetric(metric: Metric): ChartSeries[] {
  return metric.series.map((s) => {
    const tone = s.labels.version === undefined ? CLASS_TONES[s.labels.class ?? ''] : undefined;
    return { name: s.name, points: s.points, ...(tone ? { tone } : {}) };
  });
}

function describeSeries(s: ChartSeries, unit: MetricUnit): string {
  const values = s.points.map(([, v]) => v).filter((v): v is number => v !== null);
  const latest = values.at(-1);
  if (latest === undefined) return `${s.name}: no data`;
  // A loop, not Math.max(...values): up to 11,000 points would strain the argument list.
  const peak = values.reduce((a, b) => (b > a ? b : a), latest);
  return `${s.name}: latest ${formatValue(latest, unit)}, peak ${formatValue(peak, unit)}`;
}

/**
 * The chart in words, for its aria-label: title, unit, time span, then each visible series' latest and peak
 * value. `timeZone` is for tests.
 */
export function summarize(title: string, series: readonly ChartSeries[], unit: MetricUnit, hidden: ReadonlySet<string> = new Set(), timeZone?: string): string {
  const head = `${title}, in ${UNIT_WORDS[unit]}`;
  if (!hasData(series)) return `${head}: no traffic in this period.`;
  let from = Infinity;
  let to = -Infinity;
  for (const s of series) for (const [t] of s.points) [from, to] = [Math.min(from, t), Math.max(to, t)];
  const span = to - from;
  const shown = series.filter((s) => !hidden.has(s.name));
  const parts = shown.map((s) => describeSeries(s, unit));
  const hiddenNote = shown.length < series.length ? ` ${series.length - shown.length} hidden.` : '';
  return `${head}, ${formatTimeTick(from, span, timeZone)} to ${formatTimeTick(to, span, timeZone)}. ${parts.join('; ')}.${hiddenNote}`;
}

/**
 * The top of the value axis for the largest value drawn. Shares never exceed 100 %, and a flat line of zero errors
 * should read as 0–1 %, not as recharts' default 0–4 (shown as 0–400 %); other units keep recharts' own choice.
 */
export function axisMax(unit: MetricUnit, dataMax: number): number | 'auto' {
  if (unit !== 'percent') return 'auto';
  if (!(dataMax > 0)) return 0.01;
  return Math.min(1, dataMax * 1.1);
}

/** A vertical marker on a chart (such as a recorded config change): when, in Unix milliseconds, and what. */
export interface ChartMarker {
  at: number;
  label: string;
}

/** The markers inside the rows' time span, at chart x (Unix seconds), oldest first; a chart without rows has none. */
export function markersInRange(markers: readonly ChartMarker[], rows: readonly ChartRow[]): { t: number; label: string }[] {
  const first = rows[0]?.t;
  const last = rows.at(-1)?.t;
  if (first === undefined || last === undefined) return [];
  return markers
    .map((m) => ({ t: m.at / 1000, label: m.label }))
    .filter((m) => m.t >= first && m.t <= last)
    .sort((a, b) => a.t - b.t);
}
