// The answer of `GET /api/mtls` from a ConfigScope, observed traffic and the control plane's state. Pure.

import type { Traffic } from '../inventory/health-report';
import { trafficKey } from '../inventory/traffic';
import type { ConfigScope } from '../istio/types';
import { meshMtls, namespaceMtls, NO_TRAFFIC, workloadMtls } from './status';
import type { ControlPlane, MtlsReport, ObservedMtls } from './types';

/** What the report is built from; `observed` is keyed `namespace/workload`. */
export interface MtlsReportInput {
  scope: ConfigScope;
  /** The namespaces asked for. */
  namespaces: readonly string[];
  observed: ReadonlyMap<string, ObservedMtls>;
  /** Seconds of telemetry behind `observed`. */
  duration: number;
  controlPlane: ControlPlane;
}

/** A workload's observed mTLS from its inbound traffic (lib/mesh/inventory/traffic.ts); no traffic has no share. */
export function observedFromTraffic(traffic: Traffic | undefined): ObservedMtls {
  const rps = traffic?.tally.total ?? 0;
  return { rps, mtlsShare: traffic && rps > 0 ? Math.min(1, traffic.mtls / rps) : null };
}

/** The sum of several observations, the share weighted by each one's requests. */
export function sumObserved(items: readonly ObservedMtls[]): ObservedMtls {
  let rps = 0;
  let mtls = 0;
  for (const o of items) {
    if (!(o.rps > 0) || o.mtlsShare === null) continue;
    rps += o.rps;
    mtls += o.mtlsShare * o.rps;
  }
  return { rps, mtlsShare: rps > 0 ? mtls / rps : null };
}

/** The mTLS report: workloads by namespace then name, namespaces by name, the mesh over the namespaces asked for. */
export function buildMtlsReport({ scope, namespaces, observed, duration, controlPlane }: MtlsReportInput): MtlsReport {
  const asked = [...new Set(namespaces)].sort();
  const inAsked = new Set(asked);
  const workloads = scope.workloads
    .filter((w) => inAsked.has(w.namespace))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((w) => workloadMtls(scope, w, observed.get(trafficKey(w.namespace, w.name)) ?? NO_TRAFFIC));
  const nsCells = asked.map((ns) => {
    const mine = workloads.filter((w) => w.namespace === ns);
    return namespaceMtls(scope, ns, mine, sumObserved(mine.map((w) => w.observed)));
  });
  const mesh = meshMtls(scope, nsCells, sumObserved(workloads.map((w) => w.observed)));
  return { duration, rootNamespace: scope.rootNamespace, mesh, namespaces: nsCells, workloads, controlPlane };
}
