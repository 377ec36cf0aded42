import Link from 'next/link';
import type { MtlsFlag, MtlsReason, MtlsStatus } from '@/lib/mesh/mtls/types';
import { configObjectHref, configRefText } from '../config/config-links';
import { SEVERITY_ICON, SEVERITY_LABEL, SEVERITY_TEXT_CLASS } from '../config/severity';
import { FLAG_LABEL, MTLS_STATUS_CLASS, MTLS_STATUS_ICON, MTLS_STATUS_LABEL } from './mtls-format';

const LINK = 'text-sky-700 underline hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-200';

/** A status as icon and word in a tinted box; the word is what counts. */
export function MtlsStatusBadge({ status }: { status: MtlsStatus }) {
  return (
    <span data-mtls-status={status} className={`inline-flex items-center gap-1 rounded border px-1.5 text-xs whitespace-nowrap ${MTLS_STATUS_CLASS[status]}`}>
      <span aria-hidden>{MTLS_STATUS_ICON[status]}</span>
      {MTLS_STATUS_LABEL[status]}
    </span>
  );
}

/** Why a status is what it is; a reason naming an object links to that object's page. */
export function ReasonsList({ reasons }: { reasons: readonly MtlsReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
      {reasons.map((r, i) => (
        <li key={i}>
          {r.text}
          {r.ref && (
            <>
              {' '}
              <Link href={configObjectHref(r.ref)} className={LINK} title={r.path ? `${configRefText(r.ref)}, at ${r.path}` : undefined}>
                {configRefText(r.ref)}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Flags with their word (Mismatch, Conflict…), severity and message; the objects involved link to their pages. */
export function FlagsList({ flags }: { flags: readonly MtlsFlag[] }) {
  if (flags.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-1 text-xs">
      {flags.map((f, i) => (
        <li key={`${f.code}-${i}`} data-flag={f.code}>
          <span className={`font-semibold ${SEVERITY_TEXT_CLASS[f.severity]}`}>
            <span aria-hidden>{SEVERITY_ICON[f.severity]} </span>
            {FLAG_LABEL[f.code]}
            <span className="sr-only"> ({SEVERITY_LABEL[f.severity]})</span>:
          </span>{' '}
          {f.message}
          {f.related?.map((ref) => (
            <span key={configRefText(ref)}>
              {' '}
              <Link href={configObjectHref(ref)} className={LINK}>
                {configRefText(ref)}
              </Link>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
