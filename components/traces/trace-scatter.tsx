import Link from 'next/link';
import type { TraceSummary } from '@/lib/mesh/traces/types';
import { formatDurationUs, formatStartUs } from './format';
import { scatterExtent, scatterPoints } from './scatter';

const BOX = { width: 800, height: 160, margin: 16 };

/** The results as points, start time across and duration up; each point is a link to its trace. */
export function TraceScatter({ traces }: { traces: readonly TraceSummary[] }) {
  const points = scatterPoints(traces, BOX);
  const extent = scatterExtent(traces);
  return (
    <figure className="rounded border border-slate-200 p-2 dark:border-slate-800">
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">Duration over start time; red traces have errors.</figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="h-40 w-full" role="group" aria-label="Traces by start time and duration">
        <line x1={BOX.margin} y1={BOX.height - BOX.margin} x2={BOX.width - BOX.margin} y2={BOX.height - BOX.margin} className="stroke-slate-300 dark:stroke-slate-700" />
        <line x1={BOX.margin} y1={BOX.margin} x2={BOX.margin} y2={BOX.height - BOX.margin} className="stroke-slate-300 dark:stroke-slate-700" />
        {points.map((p) => {
          const t = p.trace;
          const name = `${t.rootService}: ${t.rootOperation}, ${formatStartUs(t.startUs)}, ${formatDurationUs(t.durationUs)}${t.errorCount > 0 ? `, ${t.errorCount} errors` : ''}`;
          return (
            <Link key={p.traceId} href={`/traces/${p.traceId}`} aria-label={name} className="group outline-none">
              <title>{name}</title>
              <circle
                cx={p.x}
                cy={p.y}
                r={5}
                data-error={p.error}
                className={`${p.error ? 'fill-failure' : 'fill-sky-600'} opacity-80 group-hover:opacity-100 group-focus-visible:stroke-slate-900 group-focus-visible:stroke-2 dark:group-focus-visible:stroke-white`}
              />
            </Link>
          );
        })}
      </svg>
      {extent && (
        <div className="flex justify-between text-[10px] text-slate-500">
          <span>{formatStartUs(extent.firstUs)}</span>
          <span>longest {formatDurationUs(extent.longestUs)}</span>
          <span>{formatStartUs(extent.lastUs)}</span>
        </div>
      )}
    </figure>
  );
}
