'use client';

// The one component that imports recharts (STYLE.md): every chart of the console is a MetricChart.

import { useMemo, useState, type ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { axisMax, chartRows, hasData, isIsolated, markersInRange, seriesColor, seriesKey, summarize, type ChartMarker, type ChartSeries } from './chart-model';
import { formatInstant, formatTick, formatTimeTick, formatValue, type MetricUnit } from './units';

export type { ChartMarker, ChartSeries, MetricUnit };

export interface MetricChartProps {
  /** Shown above the chart (except when compact) and spoken first in its summary. */
  title: string;
  series: readonly ChartSeries[];
  unit: MetricUnit;
  /** The first data is on its way; a refresh with data already shown should leave this false. */
  loading?: boolean;
  /** Why the data could not be loaded; wins over everything else. */
  error?: string;
  /** A small sparkline for a side panel: no axes, no grid, no legend. */
  compact?: boolean;
  /** Vertical lines at moments worth seeing against the data (recorded changes); those outside the data are left out. */
  markers?: readonly ChartMarker[];
  className?: string;
}

// Palette and axis colours for both themes, as CSS variables the SVG reads: tailwind 600s on light, 400s on dark.
const THEME_VARS = [
  '[--chart-1:#0284c7] dark:[--chart-1:#38bdf8]',
  '[--chart-2:#7c3aed] dark:[--chart-2:#a78bfa]',
  '[--chart-3:#059669] dark:[--chart-3:#34d399]',
  '[--chart-4:#d97706] dark:[--chart-4:#fbbf24]',
  '[--chart-5:#e11d48] dark:[--chart-5:#fb7185]',
  '[--chart-6:#0d9488] dark:[--chart-6:#2dd4bf]',
  '[--chart-7:#c026d3] dark:[--chart-7:#e879f9]',
  '[--chart-8:#475569] dark:[--chart-8:#94a3b8]',
  '[--chart-axis:#64748b] dark:[--chart-axis:#94a3b8]',
  '[--chart-grid:#e2e8f0] dark:[--chart-grid:#1e293b]',
  '[--chart-surface:#ffffff] dark:[--chart-surface:#0f172a]',
  '[--chart-text:#0f172a] dark:[--chart-text:#e2e8f0]',
].join(' ');

const NO_MARKERS: readonly ChartMarker[] = [];
const FULL_HEIGHT = 200;
const COMPACT_HEIGHT = 48;

function Frame({ height, children, role }: { height: number; children: ReactNode; role: 'status' | 'alert' }) {
  return (
    <div role={role} style={{ height }} className="flex items-center justify-center rounded border border-dashed border-slate-300 px-2 text-center text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {children}
    </div>
  );
}

function Legend({ series, hidden, onToggle }: { series: readonly ChartSeries[]; hidden: ReadonlySet<string>; onToggle: (name: string) => void }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-2 gap-y-1 text-xs" aria-label="Series; press one to hide or show it">
      {series.map((s, i) => {
        const shown = !hidden.has(s.name);
        return (
          <li key={s.name}>
            <button
              type="button"
              aria-pressed={shown}
              onClick={() => onToggle(s.name)}
              className={`flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800 ${shown ? '' : 'text-slate-400 line-through dark:text-slate-500'}`}
            >
              <span aria-hidden className="inline-block h-2 w-3 rounded-sm" style={{ background: seriesColor(s, i), opacity: shown ? 1 : 0.35 }} />
              {s.name}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A time-series line chart of one metric. Gaps in the data stay gaps; legend entries hide and show their series
 * (click, Enter or Space); the chart's accessible name summarises what it shows.
 */
export function MetricChart({ title, series, unit, loading = false, error, compact = false, markers = NO_MARKERS, className = '' }: MetricChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => chartRows(series), [series]);
  const marks = useMemo(() => markersInRange(markers, rows), [markers, rows]);
  const height = compact ? COMPACT_HEIGHT : FULL_HEIGHT;
  const span = rows.length > 1 ? (rows.at(-1)?.t ?? 0) - (rows[0]?.t ?? 0) : 0;
  const toggle = (name: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  let body: ReactNode;
  if (error !== undefined) {
    body = (
      <Frame height={height} role="alert">
        <span>
          <span className="font-semibold text-failure">Could not load {title.toLowerCase()}:</span> {error}
        </span>
      </Frame>
    );
  } else if (loading) {
    body = (
      <Frame height={height} role="status">
        <span className="animate-pulse motion-reduce:animate-none">Loading {title.toLowerCase()}…</span>
      </Frame>
    );
  } else if (!hasData(series)) {
    body = (
      <Frame height={height} role="status">
        No traffic in this period
      </Frame>
    );
  } else {
    body = (
      <>
        <figure aria-label={summarize(title, series, unit, hidden)} className="m-0">
          <LineChart responsive style={{ width: '100%', height }} data={rows} margin={compact ? { top: 2, right: 2, bottom: 2, left: 2 } : { top: 8, right: 12, bottom: 0, left: 0 }}>
            {!compact && <CartesianGrid stroke="var(--chart-grid)" vertical={false} />}
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              hide={compact}
              tickFormatter={(t: number) => formatTimeTick(t, span)}
              tick={{ fill: 'var(--chart-axis)', fontSize: 11 }}
              stroke="var(--chart-grid)"
              minTickGap={24}
            />
            <YAxis hide={compact} width="auto" domain={unit === 'percent' ? [0, (dataMax: number) => axisMax(unit, dataMax)] : [0, 'auto']} tickFormatter={(v: number) => formatTick(v, unit)} tick={{ fill: 'var(--chart-axis)', fontSize: 11 }} stroke="var(--chart-grid)" />
            <Tooltip
              formatter={(value) => formatValue(typeof value === 'number' ? value : null, unit)}
              labelFormatter={(t) => (typeof t === 'number' ? formatInstant(t) : t)}
              contentStyle={{ background: 'var(--chart-surface)', borderColor: 'var(--chart-grid)', color: 'var(--chart-text)', fontSize: 12 }}
              isAnimationActive={false}
            />
            {marks.map((m, i) => (
              <ReferenceLine
                key={`${m.t}-${i}`}
                x={m.t}
                stroke="var(--chart-axis)"
                strokeDasharray="4 3"
                {...(compact ? {} : { label: { value: String(i + 1), position: 'insideTopLeft' as const, fill: 'var(--chart-axis)', fontSize: 10 } })}
              />
            ))}
            {series.map((s, i) => (
              <Line
                key={s.name}
                dataKey={seriesKey(i)}
                name={s.name}
                type="linear"
                stroke={seriesColor(s, i)}
                strokeWidth={compact ? 1.25 : 1.5}
                dot={(p) =>
                  p.cx !== undefined && p.cy !== undefined && isIsolated(rows, seriesKey(i), p.index) ? (
                    <circle key={p.index} cx={p.cx} cy={p.cy} r={1.75} fill={seriesColor(s, i)} />
                  ) : null
                }
                connectNulls={false}
                hide={hidden.has(s.name)}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </figure>
        {!compact && <Legend series={series} hidden={hidden} onToggle={toggle} />}
        {!compact && marks.length > 0 && (
          <ol aria-label="Changes marked on the chart" className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
            {marks.map((m, i) => (
              <li key={`${m.t}-${i}`} data-marker>
                <span className="font-semibold">{i + 1}</span> {formatInstant(m.t)}: {m.label}
              </li>
            ))}
          </ol>
        )}
      </>
    );
  }

  return (
    <section className={`${THEME_VARS} text-slate-900 dark:text-slate-100 ${className}`} aria-label={compact ? title : undefined}>
      {!compact && <h3 className="mb-1 text-sm font-semibold">{title}</h3>}
      {body}
    </section>
  );
}
