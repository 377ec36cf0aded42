import Link from 'next/link';
import type { HealthReport, IstioRef, SidecarStatus } from '@/lib/mesh/inventory/types';
import { HEALTH_DOT_CLASS, HEALTH_LABEL, healthDescription, ISTIO_ABBREVIATION, istioRefTitle, SIDECAR_LABEL, SIDECAR_TITLE } from './item-format';
import { configHref } from './kinds';

/** Colour dot and word; the reasons in a tooltip for the mouse and in hidden text for screen readers. */
export function HealthCell({ report }: { report: HealthReport }) {
  return (
    <span title={healthDescription(report)} className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${HEALTH_DOT_CLASS[report.health]}`} />
      {HEALTH_LABEL[report.health]}
      {report.reasons.length > 0 && <span className="sr-only">: {report.reasons.join('; ')}</span>}
    </span>
  );
}

const SIDECAR_CLASS: Record<SidecarStatus, string> = {
  injected: 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300',
  // The warning colour: a workload outside the mesh is the thing this column exists to show.
  partial: 'border-degraded bg-degraded/15 text-slate-900 dark:text-slate-100',
  missing: 'border-degraded bg-degraded/30 font-semibold text-slate-900 dark:text-slate-100',
};

export function SidecarBadge({ status }: { status: SidecarStatus }) {
  return (
    <span title={SIDECAR_TITLE[status]} data-sidecar={status} className={`inline-block rounded border px-1.5 text-xs ${SIDECAR_CLASS[status]}`}>
      {status !== 'injected' && (
        <span aria-hidden className="mr-0.5">
          ⚠
        </span>
      )}
      {SIDECAR_LABEL[status]}
    </span>
  );
}

/** One small link per Istio object; the abbreviation for the eye, the full kind and name for everyone else. */
export function IstioBadges({ refs }: { refs: readonly IstioRef[] }) {
  if (refs.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {refs.map((ref) => (
        <li key={`${ref.kind}/${ref.namespace}/${ref.name}`}>
          <Link
            href={configHref(ref.namespace)}
            title={istioRefTitle(ref)}
            className="inline-block rounded border border-sky-300 bg-sky-50 px-1 font-mono text-xs text-sky-800 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300"
          >
            <span aria-hidden>{ISTIO_ABBREVIATION[ref.kind]}</span>
            <span className="sr-only">{istioRefTitle(ref)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
