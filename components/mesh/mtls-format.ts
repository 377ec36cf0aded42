// How the mesh page puts mTLS statuses, observed shares and flags into words. Pure.

import type { MtlsCell, MtlsFlag, MtlsStatus, ObservedMtls, WorkloadMtls } from '@/lib/mesh/mtls/types';
import { formatPercent, formatRps } from '../graph/format';

export const MTLS_STATUS_LABEL: Record<MtlsStatus, string> = {
  enabled: 'Enabled',
  partly: 'Partly enabled',
  disabled: 'Disabled',
  'not-enabled': 'Not enabled',
};

/** A mark for the eye; the word always goes with it. */
// Plain symbols rather than emoji: a lock emoji shows as an empty box where no emoji font is installed.
export const MTLS_STATUS_ICON: Record<MtlsStatus, string> = { enabled: '●', partly: '◐', disabled: '✖', 'not-enabled': '○' };

export const MTLS_STATUS_CLASS: Record<MtlsStatus, string> = {
  enabled: 'border-healthy/50 bg-healthy/10',
  partly: 'border-degraded/60 bg-degraded/10',
  disabled: 'border-failure/50 bg-failure/10',
  'not-enabled': 'border-slate-300 dark:border-slate-600',
};

/** What kind of trouble a flag is, in one word that marks its row. */
export const FLAG_LABEL: Record<MtlsFlag['code'], string> = {
  'observed-mismatch': 'Mismatch',
  'strict-with-disable': 'Conflict',
  'no-sidecar-under-strict': 'No sidecar',
};

/** `87%` of the observed requests were mTLS; `No traffic` when there was nothing to judge by. */
export function observedShareText(observed: ObservedMtls): string {
  return observed.mtlsShare === null ? 'No traffic' : formatPercent(observed.mtlsShare);
}

/** `87% of 1.23 rps`, or `No traffic`. */
export function observedText(observed: ObservedMtls): string {
  return observed.mtlsShare === null ? 'No traffic' : `${formatPercent(observed.mtlsShare)} of ${formatRps(observed.rps)} rps`;
}

/** The words that mark a row with flags, worst (errors) first, without repeats: `Conflict, Mismatch`. */
export function flagMarks(cell: Pick<MtlsCell, 'flags'>): string[] {
  const ordered = [...cell.flags].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return [...new Set(ordered.map((f) => FLAG_LABEL[f.code]))];
}

/** Workloads by namespace then name, the order a reader scans for one. */
export function sortedWorkloads(workloads: readonly WorkloadMtls[]): WorkloadMtls[] {
  return [...workloads].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** `3 workloads, 1 flagged`: the workloads table's summary. */
export function workloadsSummary(workloads: readonly WorkloadMtls[]): string {
  const flagged = workloads.filter((w) => w.flags.length > 0).length;
  const total = `${workloads.length} workload${workloads.length === 1 ? '' : 's'}`;
  return flagged > 0 ? `${total}, ${flagged} flagged` : total;
}
