// What a namespace's Overview card says: health counts, traffic, mTLS and sidecar coverage in words, and which
// figures deserve a warning. Pure.

import type { Health } from '@/lib/mesh/graph/types';
import type { HealthCounts, InventoryKind, NamespaceOverview } from '@/lib/mesh/inventory/types';
import { formatPercent, formatRps } from '../graph/format';
import { HEALTH_LABEL, HEALTH_STATES } from '../inventory/item-format';
import { KIND_INFO } from '../inventory/kinds';
import { listHref } from '../inventory/list-url';

export interface CountCell {
  health: Health;
  count: number;
  label: string;
  /** The list of that kind in the namespace, filtered to that health; undefined for a zero count. */
  href?: string;
}

export interface KindRow {
  kind: InventoryKind;
  title: string;
  total: number;
  href: string;
  counts: CountCell[];
}

export interface CardModel {
  namespace: string;
  injection: string;
  rows: KindRow[];
  rps: string;
  /** "—" without traffic, where an error rate would be 0/0. */
  errors: string;
  errorsWarn: boolean;
  mtls: string;
  mtlsWarn: boolean;
  sidecars: string;
  sidecarsNote: string;
  /** Some workloads run the sidecar and some do not: traffic to the rest bypasses mTLS and routing. */
  sidecarsWarn: boolean;
}

const INJECTION_TEXT: Record<NamespaceOverview['injection'], string> = {
  enabled: 'Injection enabled',
  disabled: 'Injection disabled',
  unset: 'No injection label',
};

function kindRow(namespace: string, kind: InventoryKind, counts: HealthCounts): KindRow {
  const path = KIND_INFO[kind].listPath;
  return {
    kind,
    title: KIND_INFO[kind].title,
    total: HEALTH_STATES.reduce((sum, h) => sum + counts[h], 0),
    href: listHref(path, { namespaces: [namespace] }),
    counts: HEALTH_STATES.map((health) => ({
      health,
      count: counts[health],
      label: HEALTH_LABEL[health],
      href: counts[health] > 0 ? listHref(path, { namespaces: [namespace], health: [health] }) : undefined,
    })),
  };
}

function sidecarNote({ injected, total }: NamespaceOverview['sidecars']): string {
  if (total === 0) return 'No workloads';
  if (injected === total) return 'Every workload injected';
  if (injected === 0) return 'No workload injected';
  return `${total - injected} of ${total} workloads not fully injected`;
}

// 99.7 % would round to "100%", which reads as all of it next to a warning that says otherwise.
function shareBelowAll(share: number): string {
  const text = formatPercent(share);
  return share < 1 && text === '100%' ? '>99%' : text;
}

/** The card of one namespace. */
export function cardModel(o: NamespaceOverview): CardModel {
  const traffic = o.inRps > 0;
  return {
    namespace: o.namespace,
    injection: INJECTION_TEXT[o.injection],
    rows: [kindRow(o.namespace, 'apps', o.apps), kindRow(o.namespace, 'workloads', o.workloads), kindRow(o.namespace, 'services', o.services)],
    rps: formatRps(o.inRps),
    errors: traffic && o.inErrorRate !== null ? formatPercent(o.inErrorRate) : '—',
    errorsWarn: traffic && (o.inErrorRate ?? 0) > 0,
    mtls: traffic && o.mtlsShare !== null ? shareBelowAll(o.mtlsShare) : '—',
    // Plain-text traffic inside a mesh is worth a look; a namespace outside the mesh has none to expect.
    mtlsWarn: traffic && o.mtlsShare !== null && o.mtlsShare < 1 && o.sidecars.injected > 0,
    sidecars: `${o.sidecars.injected}/${o.sidecars.total}`,
    sidecarsNote: sidecarNote(o.sidecars),
    sidecarsWarn: o.sidecars.injected > 0 && o.sidecars.injected < o.sidecars.total,
  };
}
