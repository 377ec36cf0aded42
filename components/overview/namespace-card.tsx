import Link from 'next/link';
import { useId, type ReactNode } from 'react';
import type { NamespaceOverview } from '@/lib/mesh/inventory/types';
import { HEALTH_DOT_CLASS } from '../inventory/item-format';
import { graphHref } from '../inventory/kinds';
import { cardModel, type CountCell, type KindRow } from './card-model';

const LINK = 'text-sky-700 underline hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-100';
const WARN = 'font-semibold text-amber-700 dark:text-amber-400';

function Count({ cell, kind }: { cell: CountCell; kind: string }) {
  const body = (
    <>
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${HEALTH_DOT_CLASS[cell.health]}`} />
      <span aria-hidden>{cell.count}</span>
      <span className="sr-only">
        {kind}, {cell.label.toLowerCase()}: {cell.count}
      </span>
    </>
  );
  const className = 'inline-flex items-center gap-1 tabular-nums';
  return cell.href ? (
    <Link href={cell.href} title={cell.label} className={`${className} rounded px-0.5 hover:bg-slate-100 dark:hover:bg-slate-800`}>
      {body}
    </Link>
  ) : (
    // Zeros stay in place, faded, so the columns line up from card to card.
    <span title={cell.label} className={`${className} px-0.5 opacity-40`}>
      {body}
    </span>
  );
}

function HealthRow({ row, namespace }: { row: KindRow; namespace: string }) {
  return (
    <tr>
      <th scope="row" className="py-0.5 pr-3 text-left font-normal">
        <Link href={row.href} className={LINK}>
          {row.title}
          <span className="sr-only"> in {namespace}</span>
        </Link>{' '}
        <span className="text-slate-500 tabular-nums">({row.total})</span>
      </th>
      {row.counts.map((c) => (
        <td key={c.health} className="py-0.5 pr-2">
          <Count cell={c} kind={row.title} />
        </td>
      ))}
    </tr>
  );
}

function Figure({ label, children, note, warn }: { label: string; children: ReactNode; note?: string; warn?: boolean }) {
  return (
    <div title={note}>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`tabular-nums ${warn ? WARN : ''}`}>
        {warn && <span aria-hidden>⚠ </span>}
        {children}
        {note && <span className="sr-only"> ({note})</span>}
      </dd>
    </div>
  );
}

/** One namespace at a glance: health by kind, traffic, mTLS and sidecars, with links to its lists and graph. */
export function NamespaceCard({ overview }: { overview: NamespaceOverview }) {
  const headingId = useId();
  const card = cardModel(overview);
  return (
    <article
      aria-labelledby={headingId}
      data-namespace={overview.namespace}
      data-in-rps={overview.inRps}
      className="space-y-3 rounded border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {card.namespace}
        </h3>
        <span className="rounded border border-slate-300 px-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">{card.injection}</span>
      </div>
      <dl className="grid grid-cols-4 gap-2 text-sm">
        <Figure label="Inbound">{card.rps} rps</Figure>
        <Figure label="Errors" warn={card.errorsWarn}>
          {card.errors}
        </Figure>
        <Figure label="mTLS" warn={card.mtlsWarn} note={card.mtlsWarn ? 'some inbound requests were plain text' : undefined}>
          {card.mtls}
        </Figure>
        <Figure label="Sidecars" warn={card.sidecarsWarn} note={card.sidecarsNote}>
          {card.sidecars}
        </Figure>
      </dl>
      <table className="text-sm">
        <caption className="sr-only">Health in {card.namespace}</caption>
        <tbody>
          {card.rows.map((row) => (
            <HealthRow key={row.kind} row={row} namespace={card.namespace} />
          ))}
        </tbody>
      </table>
      <p className="text-sm">
        <Link href={graphHref(overview.namespace)} className={LINK}>
          Graph<span className="sr-only"> of {card.namespace}</span>
        </Link>
      </p>
    </article>
  );
}
