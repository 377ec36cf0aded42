// The configured mTLS status of a workload, a namespace and the mesh, with reasons naming the deciding objects.
// Pure.
//
// The rules, after Kiali's four statuses:
// - A workload without a sidecar is `disabled`: nothing terminates mTLS, traffic to it is plaintext.
// - Otherwise its PeerAuthentication mode decides: STRICT → `enabled`, DISABLE → `disabled`, an explicit PERMISSIVE →
//   `partly` (it accepts both), no policy at any level → `not-enabled` (Istio's default PERMISSIVE with auto mTLS).
// - Port-level modes whose status differs from the workload's → `partly`.
// - DestinationRules do not change the status, which says what the workload's own sidecar enforces. A rule that
//   clients apply toward one of its service ports and that disagrees with it (ISTIO_MUTUAL/MUTUAL toward a DISABLE
//   port, which fails; DISABLE/SIMPLE toward any other, which is plaintext or refused) adds a reason naming the
//   rule; STRICT against DISABLE is also a flag (flags.ts). No tls block in a rule is auto mTLS, following the server.
// - A namespace or the mesh with workloads (namespaces) rolls them up: all of one status → that status, a mix →
//   `partly`. Without any, its own policy decides as for a workload. Its own policy is always the first reason;
//   each child whose status differs from that policy's is named in a further reason.
// - Flags (flags.ts) ride along; a namespace carries its workloads' and the mesh its namespaces', each once, but
//   observed mismatches only for its own numbers.

import type { IstioRef } from '../inventory/types';
import { refOf, type ConfigScope, type MeshWorkload } from '../istio/types';
import { clientRulesToward, namespaceList, type ClientRule } from './callers';
import { observedMismatchFlag, rollUpFlags, workloadFlags } from './flags';
import { meshMode, namespaceMode, peerModeFor, portModes, workloadPolicy, type PeerModeDecision } from './peer-mode';
import type { MtlsCell, MtlsReason, MtlsStatus, NamespaceMtls, ObservedMtls, WorkloadMtls } from './types';

/** What is known without telemetry. */
export const NO_TRAFFIC: ObservedMtls = { rps: 0, mtlsShare: null };

const LEVEL_WORDS: Record<Exclude<PeerModeDecision['level'], 'default' | 'port'>, string> = {
  mesh: 'mesh-wide',
  namespace: 'namespace-wide',
  workload: 'workload selector',
};

/** The status a PeerAuthentication decision alone gives. */
export function statusOfDecision(d: PeerModeDecision): MtlsStatus {
  if (d.level === 'default') return 'not-enabled';
  return d.mode === 'STRICT' ? 'enabled' : d.mode === 'DISABLE' ? 'disabled' : 'partly';
}

const refWords = (ref: IstioRef) => `${ref.kind} ${ref.namespace}/${ref.name}`;

/** A PeerAuthentication decision in words, e.g. `STRICT from PeerAuthentication bookinfo/default (namespace-wide)`. */
export function peerReason(d: PeerModeDecision, port?: number | string): MtlsReason {
  if (!d.decidedBy || d.level === 'default') return { text: "no PeerAuthentication applies: Istio's default PERMISSIVE with auto mTLS" };
  const where = d.level === 'port' ? `port ${port}` : LEVEL_WORDS[d.level];
  const path = d.level === 'port' ? `spec.portLevelMtls.${port}.mode` : 'spec.mtls.mode';
  return { text: `${d.mode} from ${refWords(d.decidedBy)} (${where})`, ref: d.decidedBy, path };
}

/** Whether a client rule works against what the server enforces on that port. */
function disagrees(r: ClientRule): boolean {
  const mutual = r.client.mode === 'ISTIO_MUTUAL' || r.client.mode === 'MUTUAL';
  return mutual ? r.server.mode === 'DISABLE' : r.server.mode !== 'DISABLE';
}

function clientReason(r: ClientRule): MtlsReason {
  const subset = r.subset === undefined ? '' : ` (subset ${r.subset})`;
  const rule = r.client.rule!;
  return {
    text: `but clients in ${namespaceList(r.clientNamespaces)} use ${r.client.mode} toward ${r.host}:${r.port}${subset} from ${refWords(rule)}`,
    ref: rule,
    ...(r.client.path ? { path: r.client.path } : {}),
  };
}

function workloadStatus(scope: ConfigScope, w: MeshWorkload, rules: readonly ClientRule[]): { status: MtlsStatus; reasons: MtlsReason[] } {
  if (!w.sidecar) return { status: 'disabled', reasons: [{ text: 'no sidecar: traffic to it is plaintext' }] };
  const base = peerModeFor(scope, w.namespace, w.labels);
  let status = statusOfDecision(base);
  const reasons = [peerReason(base)];
  const policy = workloadPolicy(scope, w.namespace, w.labels);
  for (const [port, mode] of portModes(scope, w.namespace, w.labels)) {
    const d: PeerModeDecision = { mode, level: 'port', ...(policy ? { decidedBy: refOf(policy) } : {}) };
    if (statusOfDecision(d) === status) continue;
    reasons.push(peerReason(d, port));
    status = 'partly';
  }
  const seen = new Set<string>();
  for (const r of rules) {
    if (!disagrees(r)) continue;
    const reason = clientReason(r);
    if (seen.has(reason.text)) continue;
    seen.add(reason.text);
    reasons.push(reason);
  }
  return { status, reasons };
}

/** A workload's configured mTLS status, its reasons and flags, next to what was observed. */
export function workloadMtls(scope: ConfigScope, w: MeshWorkload, observed: ObservedMtls = NO_TRAFFIC): WorkloadMtls {
  const rules = w.sidecar ? clientRulesToward(scope, w) : [];
  const { status, reasons } = workloadStatus(scope, w, rules);
  return { namespace: w.namespace, name: w.name, sidecar: w.sidecar, status, reasons, observed, flags: workloadFlags(scope, w, status, observed, rules) };
}

/** All of one status → that status; a mix → partly; none → undefined. */
export function rollUp(statuses: readonly MtlsStatus[]): MtlsStatus | undefined {
  if (statuses.length === 0) return undefined;
  return statuses.every((s) => s === statuses[0]) ? statuses[0] : 'partly';
}

// The parent's own policy first, then each child that does not follow it, so a user sees who breaks the rule.
function parentCell(own: PeerModeDecision, children: readonly (MtlsCell & { label: string })[], observed: ObservedMtls): MtlsCell {
  const ownStatus = statusOfDecision(own);
  const status = rollUp(children.map((c) => c.status)) ?? ownStatus;
  const reasons = [peerReason(own)];
  for (const c of children) {
    if (c.status === ownStatus) continue;
    // The child's first reason that the parent does not already give: a namespace that follows the mesh policy
    // is explained by its exceptions.
    const first = c.reasons.find((r) => r.text !== reasons[0]?.text) ?? c.reasons[0];
    reasons.push({ text: `${c.label} is ${c.status}: ${first?.text ?? 'no reason given'}`, ...(first?.ref ? { ref: first.ref } : {}), ...(first?.path ? { path: first.path } : {}) });
  }
  const mismatch = observedMismatchFlag(status, observed);
  return { status, reasons, observed, flags: [...(mismatch ? [mismatch] : []), ...rollUpFlags(children.map((c) => c.flags))] };
}

/** A namespace's status: its workloads rolled up, explained by its own (or the mesh's) policy and the exceptions. */
export function namespaceMtls(scope: ConfigScope, namespace: string, workloads: readonly WorkloadMtls[], observed: ObservedMtls = NO_TRAFFIC): NamespaceMtls {
  const mine = workloads.filter((w) => w.namespace === namespace).map((w) => ({ ...w, label: w.name }));
  return { namespace, ...parentCell(namespaceMode(scope, namespace), mine, observed) };
}

/** The mesh's status: the namespaces asked for rolled up, explained by the mesh-wide policy and the exceptions. */
export function meshMtls(scope: ConfigScope, namespaces: readonly NamespaceMtls[], observed: ObservedMtls = NO_TRAFFIC): MtlsCell {
  return parentCell(meshMode(scope), namespaces.map((n) => ({ ...n, label: `namespace ${n.namespace}` })), observed);
}

