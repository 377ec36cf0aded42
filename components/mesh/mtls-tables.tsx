import type { ReactNode } from 'react';
import Link from 'next/link';
import type { MtlsCell, NamespaceMtls, WorkloadMtls } from '@/lib/mesh/mtls/types';
import { formatRps } from '../graph/format';
import { detailHref } from '../inventory/kinds';
import { FlagsList, MtlsStatusBadge, ReasonsList } from './mtls-cells';
import { flagMarks, observedShareText, sortedWorkloads } from './mtls-format';

const CELL = 'px-2 py-1.5 align-top';
const HEAD = 'px-2 py-1.5 font-medium whitespace-nowrap';

/** A flagged row's tint, and its marks spelled out so they are not colour alone. */
function flagged(cell: MtlsCell) {
  const marks = flagMarks(cell);
  const error = cell.flags.some((f) => f.severity === 'error');
  const tint = marks.length === 0 ? '' : error ? 'bg-failure/5' : 'bg-degraded/10';
  return { marks, tint };
}

function RowMarks({ marks }: { marks: readonly string[] }) {
  if (marks.length === 0) return null;
  return <span className="ml-1 rounded border border-current px-1 text-[10px] font-semibold uppercase text-failure">{marks.join(', ')}</span>;
}

/** A table named by its caption, with plain column headers; numeric columns align right. */
function MtlsTable({ caption, columns, children }: { caption: string; columns: readonly (string | [label: string, numeric: true])[]; children: ReactNode }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-xs text-slate-500 dark:text-slate-400">
          {columns.map((c) => (typeof c === 'string' ? <th key={c} scope="col" className={HEAD}>{c}</th> : <th key={c[0]} scope="col" className={`${HEAD} text-right`}>{c[0]}</th>))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The configured status with its reasons. */
function ConfiguredCell({ cell }: { cell: MtlsCell }) {
  return (
    <td className={CELL}>
      <MtlsStatusBadge status={cell.status} />
      <ReasonsList reasons={cell.reasons} />
    </td>
  );
}

/** Configured status with reasons, the observed share and rps, and flags, per namespace. */
export function NamespacesTable({ namespaces }: { namespaces: readonly NamespaceMtls[] }) {
  return (
    <MtlsTable caption="Namespaces mTLS" columns={['Namespace', 'Configured', ['Observed mTLS', true], ['rps', true], 'Flags']}>
      {namespaces.map((n) => {
        const { marks, tint } = flagged(n);
        return (
          <tr key={n.namespace} data-mtls-namespace={n.namespace} data-status={n.status} className={`border-t border-slate-100 dark:border-slate-800 ${tint}`}>
            <th scope="row" className={`${CELL} font-medium`}>
              {n.namespace}
              <RowMarks marks={marks} />
            </th>
            <ConfiguredCell cell={n} />
            <td className={`${CELL} text-right tabular-nums`}>{observedShareText(n.observed)}</td>
            <td className={`${CELL} text-right tabular-nums`}>{formatRps(n.observed.rps)}</td>
            <td className={CELL}>
              <FlagsList flags={n.flags} />
            </td>
          </tr>
        );
      })}
    </MtlsTable>
  );
}

/** Per workload: sidecar, configured status with reasons, observed share, and flags; flagged rows say so in words. */
export function WorkloadsTable({ workloads }: { workloads: readonly WorkloadMtls[] }) {
  return (
    <MtlsTable caption="Workloads mTLS" columns={['Namespace', 'Workload', 'Sidecar', 'Configured', ['Observed mTLS', true], 'Flags']}>
      {sortedWorkloads(workloads).map((w) => {
        const { marks, tint } = flagged(w);
        return (
          <tr
            key={`${w.namespace}/${w.name}`}
            data-mtls-workload={`${w.namespace}/${w.name}`}
            data-status={w.status}
            data-flags={w.flags.map((f) => f.code).join(' ') || undefined}
            className={`border-t border-slate-100 dark:border-slate-800 ${tint}`}
          >
            <td className={CELL}>{w.namespace}</td>
            <td className={CELL}>
              <Link href={detailHref('workloads', w.namespace, w.name)} className="text-sky-700 hover:underline dark:text-sky-300">
                {w.name}
              </Link>
              <RowMarks marks={marks} />
            </td>
            <td className={CELL}>{w.sidecar ? 'Yes' : <span className="font-semibold">⚠ No</span>}</td>
            <ConfiguredCell cell={w} />
            <td className={`${CELL} text-right tabular-nums`} title={`${formatRps(w.observed.rps)} rps inbound`}>
              {observedShareText(w.observed)}
            </td>
            <td className={CELL}>
              <FlagsList flags={w.flags} />
            </td>
          </tr>
        );
      })}
    </MtlsTable>
  );
}
