// Which mTLS mode a workload's sidecar enforces, from PeerAuthentication objects. Pure.
//
// Facts from Istio's PeerAuthentication reference: three levels, mesh (root namespace, no selector) < namespace
// (no selector) < workload (selector); among several at one level the oldest counts; `UNSET` (or no `mtls`)
// inherits the level above; `portLevelMtls` of a workload policy overrides one port. Nothing set means PERMISSIVE.
// Policies with a selector in the root namespace are ignored (the reference says so): they are neither mesh-wide
// nor workload policies, not even for the root namespace's own workloads.

import type { IstioRef } from '../inventory/types';
import { matchesSelector } from '../inventory/workloads';
import { byAge } from '../istio/hosts';
import { refOf, type ConfigScope, type IstioResource } from '../istio/types';
import { record } from '../istio/read';

export type PeerMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

/** A mode and the policy that set it; no `decidedBy` means Istio's default (PERMISSIVE). */
export interface PeerModeDecision {
  mode: PeerMode;
  decidedBy?: IstioRef;
  /** The level that decided: `mesh`, `namespace`, `workload` or `port`; `default` when nothing did. */
  level: 'default' | 'mesh' | 'namespace' | 'workload' | 'port';
}

const MODES: ReadonlySet<string> = new Set(['STRICT', 'PERMISSIVE', 'DISABLE']);


/** The mode an `mtls` block sets, undefined for UNSET, a missing block or an unknown value. */
function modeOf(mtls: unknown): PeerMode | undefined {
  const mode = record(mtls)?.mode;
  return typeof mode === 'string' && MODES.has(mode) ? (mode as PeerMode) : undefined;
}

/** A PeerAuthentication's workload selector; undefined when it has none (or an empty one). */
export function peerSelector(pa: IstioResource): Record<string, string> | undefined {
  const labels = record(record(pa.spec.selector)?.matchLabels);
  if (!labels) return undefined;
  const out = Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The PeerAuthentications of a scope, oldest first. */
export function peerAuthentications(scope: ConfigScope): IstioResource[] {
  return scope.objects.filter((o) => o.kind === 'PeerAuthentication').sort(byAge);
}

/** The mesh-wide policy (root namespace, no selector), if any. */
export function meshPolicy(scope: ConfigScope): IstioResource | undefined {
  return peerAuthentications(scope).find((pa) => pa.metadata.namespace === scope.rootNamespace && !peerSelector(pa));
}

/** The namespace-wide policy of a namespace (not the root one), if any. */
export function namespacePolicy(scope: ConfigScope, namespace: string): IstioResource | undefined {
  if (namespace === scope.rootNamespace) return undefined;
  return peerAuthentications(scope).find((pa) => pa.metadata.namespace === namespace && !peerSelector(pa));
}

/** The workload-level policy selecting these labels in their namespace, if any. */
export function workloadPolicy(scope: ConfigScope, namespace: string, labels: Record<string, string>): IstioResource | undefined {
  if (namespace === scope.rootNamespace) return undefined;
  return peerAuthentications(scope).find((pa) => {
    const selector = peerSelector(pa);
    return pa.metadata.namespace === namespace && selector !== undefined && matchesSelector(selector, labels);
  });
}

/** The mode the mesh-wide policy sets, or Istio's default when there is none (or it is UNSET). */
export function meshMode(scope: ConfigScope): PeerModeDecision {
  const mesh = meshPolicy(scope);
  const mode = mesh && modeOf(mesh.spec.mtls);
  return mesh && mode ? { mode, decidedBy: refOf(mesh), level: 'mesh' } : { mode: 'PERMISSIVE', level: 'default' };
}

/** The mode a namespace's policies give a workload with no policy of its own (mesh, then namespace level). */
export function namespaceMode(scope: ConfigScope, namespace: string): PeerModeDecision {
  const ns = namespacePolicy(scope, namespace);
  const nsMode = ns && modeOf(ns.spec.mtls);
  return ns && nsMode ? { mode: nsMode, decidedBy: refOf(ns), level: 'namespace' } : meshMode(scope);
}

/**
 * The mode a workload with these labels enforces on `port` (the workload's own port, as portLevelMtls is keyed),
 * or on all its ports when `port` is not given.
 */
export function peerModeFor(scope: ConfigScope, namespace: string, labels: Record<string, string>, port?: number): PeerModeDecision {
  let out = namespaceMode(scope, namespace);
  const wl = workloadPolicy(scope, namespace, labels);
  if (!wl) return out;
  const wlMode = modeOf(wl.spec.mtls);
  if (wlMode) out = { mode: wlMode, decidedBy: refOf(wl), level: 'workload' };
  const portMode = port === undefined ? undefined : modeOf(record(wl.spec.portLevelMtls)?.[String(port)]);
  if (portMode) out = { mode: portMode, decidedBy: refOf(wl), level: 'port' };
  return out;
}

/** Modes set per port by the workload policy selecting these labels (for a "partly" status). */
export function portModes(scope: ConfigScope, namespace: string, labels: Record<string, string>): Map<string, PeerMode> {
  const wl = workloadPolicy(scope, namespace, labels);
  const out = new Map<string, PeerMode>();
  for (const [port, mtls] of Object.entries(record(wl?.spec.portLevelMtls) ?? {})) {
    const mode = modeOf(mtls);
    if (mode) out.set(port, mode);
  }
  return out;
}
