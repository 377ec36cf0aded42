import Link from 'next/link';
import type { TraceSummary } from '@/lib/mesh/traces/types';
import { SortHeader } from '../ui/sort-header';
import { formatDurationUs, formatStartUs } from './format';
import type { ResultSort } from './result-sort';

const CELL = 'px-2 py-1.5 align-top';

/** One row per trace, sorted by the URL's choice; every sort is largest first, so headers only choose the column. */
export function TraceResults({ traces, sort, onSort }: { traces: readonly TraceSummary[]; sort: ResultSort; onSort: (sort: ResultSort) => void }) {
  const header = (key: ResultSort, label: string, numeric = true) => (
    <SortHeader label={label} direction={sort === key ? 'desc' : undefined} numeric={numeric} className={`${CELL} whitespace-nowrap`} onSort={() => onSort(key)} />
  );
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Traces found</caption>
      <thead>
        <tr className="text-xs text-slate-500 dark:text-slate-400">
          <th scope="col" className={CELL}>
            Trace
          </th>
          {header('recent', 'Start', false)}
          {header('longest', 'Duration')}
          {header('spans', 'Spans')}
          <th scope="col" className={CELL}>
            Services
          </th>
          {header('errors', 'Errors')}
        </tr>
      </thead>
      <tbody>
        {traces.map((t) => (
          <tr key={t.traceId} data-trace-id={t.traceId} className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900">
            <td className={CELL}>
              <Link href={`/traces/${t.traceId}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                {t.rootService}: {t.rootOperation}
              </Link>
              <span className="block font-mono text-xs text-slate-500">{t.traceId.slice(0, 12)}</span>
            </td>
            <td className={`${CELL} whitespace-nowrap`}>{formatStartUs(t.startUs)}</td>
            <td className={`${CELL} text-right tabular-nums`}>{formatDurationUs(t.durationUs)}</td>
            <td className={`${CELL} text-right tabular-nums`}>{t.spanCount}</td>
            <td className={CELL}>{t.services.map((s) => `${s.name} (${s.spanCount})`).join(', ')}</td>
            <td className={`${CELL} text-right tabular-nums ${t.errorCount > 0 ? 'font-semibold text-failure' : ''}`}>{t.errorCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
