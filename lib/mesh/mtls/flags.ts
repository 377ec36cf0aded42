// Things about mTLS a user should look at: objects that contradict each other, and telemetry that contradicts the
// configuration. Pure.
//
// - `strict-with-disable` (error): the workload enforces STRICT on a service port, and clients in some namespace
//   apply a DestinationRule with tls DISABLE toward that service; their plaintext requests are refused.
// - `no-sidecar-under-strict` (warning): STRICT applies to a workload without a sidecar. Nothing enforces it there:
//   the workload accepts plaintext from anyone, and callers reach it in plaintext (auto mTLS sees no sidecar) or
//   fail when a DestinationRule makes them use ISTIO_MUTUAL.
// - `observed-mismatch` (warning): configured `enabled` but under 99 % of observed requests were mTLS, or configured
//   `disabled` but over 1 % were.

import type { IstioRef } from '../inventory/types';
import { percent } from '../inventory/health-report';
import type { ConfigScope, MeshWorkload } from '../istio/types';
import { namespaceList, type ClientRule } from './callers';
import { peerModeFor } from './peer-mode';
import type { MtlsFlag, MtlsStatus, ObservedMtls } from './types';

/** Below this share of mTLS requests an `enabled` item is flagged; above 1 − this a `disabled` one. */
export const MISMATCH_TOLERANCE = 0.01;

const words = (ref: IstioRef) => `${ref.kind} ${ref.namespace}/${ref.name}`;

/** One flag per DestinationRule with tls DISABLE toward a service port the workload serves under STRICT. */
export function strictWithDisableFlags(rules: readonly ClientRule[]): MtlsFlag[] {
  const out = new Map<string, MtlsFlag>();
  for (const r of rules) {
    const pa = r.server.decidedBy;
    const dr = r.client.rule;
    if (r.client.mode !== 'DISABLE' || r.server.mode !== 'STRICT' || !pa || !dr) continue;
    const subset = r.subset === undefined ? '' : ` (subset ${r.subset})`;
    // The message names the host, not the workload, so the flag is the same for all workloads behind the service
    // and a namespace lists it once.
    const message = `${words(dr)} sets tls DISABLE toward ${r.host}:${r.port}${subset} for clients in ${namespaceList(r.clientNamespaces)}, but ${words(pa)} requires STRICT there: their requests are refused.`;
    out.set(message, { code: 'strict-with-disable', severity: 'error', message, related: [dr, pa] });
  }
  return [...out.values()];
}

/** A flag when STRICT applies to a workload that has no sidecar to enforce it. */
export function noSidecarUnderStrictFlag(scope: ConfigScope, w: MeshWorkload): MtlsFlag | undefined {
  if (w.sidecar) return undefined;
  const d = peerModeFor(scope, w.namespace, w.labels);
  if (d.mode !== 'STRICT' || !d.decidedBy) return undefined;
  return {
    code: 'no-sidecar-under-strict',
    severity: 'warning',
    message: `${w.namespace}/${w.name} has no sidecar, so STRICT from ${words(d.decidedBy)} is not enforced on it: it accepts plaintext, and callers whose DestinationRule requires ISTIO_MUTUAL fail.`,
    related: [d.decidedBy],
  };
}

const rate = (rps: number) => `${Number(rps.toPrecision(3))} req/s`;

/** A flag when what telemetry saw contradicts the configured status. */
export function observedMismatchFlag(status: MtlsStatus, observed: ObservedMtls): MtlsFlag | undefined {
  const share = observed.mtlsShare;
  if (share === null || !(observed.rps > 0)) return undefined;
  if (status === 'enabled' && share < 1 - MISMATCH_TOLERANCE) {
    return { code: 'observed-mismatch', severity: 'warning', message: `Configured enabled, but only ${percent(share)} of ${rate(observed.rps)} observed were mTLS.` };
  }
  if (status === 'disabled' && share > MISMATCH_TOLERANCE) {
    return { code: 'observed-mismatch', severity: 'warning', message: `Configured disabled, but ${percent(share)} of ${rate(observed.rps)} observed were mTLS.` };
  }
  return undefined;
}

/** Every flag of one workload. */
export function workloadFlags(scope: ConfigScope, w: MeshWorkload, status: MtlsStatus, observed: ObservedMtls, rules: readonly ClientRule[]): MtlsFlag[] {
  const noSidecar = noSidecarUnderStrictFlag(scope, w);
  const mismatch = observedMismatchFlag(status, observed);
  return [...strictWithDisableFlags(rules), ...(noSidecar ? [noSidecar] : []), ...(mismatch ? [mismatch] : [])];
}

/** The children's flags for their parent: each message once, without their observed mismatches (the parent has its own). */
export function rollUpFlags(children: readonly (readonly MtlsFlag[])[]): MtlsFlag[] {
  const out = new Map<string, MtlsFlag>();
  for (const f of children.flat()) if (f.code !== 'observed-mismatch' && !out.has(f.message)) out.set(f.message, f);
  return [...out.values()];
}
