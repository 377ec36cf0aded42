// Which TLS mode a client's sidecar uses toward a host, from DestinationRules. Pure.
//
// Facts from Istio's DestinationRule reference and pilot's lookup order: a client applies the most specific host
// match among rules in its own namespace, else in the service's namespace, else in the root namespace; rules with a
// workloadSelector are left out here. Within the chosen rule, a port's `portLevelSettings` override the top-level
// `trafficPolicy`, and a subset's policy overrides both. No `tls` block at all means auto mTLS; a `tls` block without
// a mode is DISABLE (the enum's zero value). A rule outside the client's namespace counts only when its `exportTo`
// (none, `*`, `.` or namespace names) reaches the client's namespace.

import type { IstioRef } from '../inventory/types';
import { byAge, hostSpecificity, namespaceOfFqdn, qualifyHost } from '../istio/hosts';
import { refOf, type ConfigScope, type IstioResource } from '../istio/types';
import { list, record } from '../istio/read';

export type ClientTlsMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL';

/** The mode a client uses and the rule (and where in it) that says so; no mode means auto mTLS. */
export interface ClientTlsDecision {
  mode?: ClientTlsMode;
  rule?: IstioRef;
  /** Where in the rule the mode was read, e.g. `spec.trafficPolicy.tls.mode`. */
  path?: string;
}

const MODES: ReadonlySet<string> = new Set(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']);



/** The mode a `tls` block sets; a block without a mode is DISABLE, as the proto's zero value is. */
function tlsModeOf(tls: unknown): ClientTlsMode | undefined {
  const t = record(tls);
  if (!t) return undefined;
  const mode = t.mode ?? 'DISABLE';
  return typeof mode === 'string' && MODES.has(mode) ? (mode as ClientTlsMode) : undefined;
}

/** The TLS mode a traffic policy sets at the top level or for `port`, with its path below the policy. */
export function policyTlsMode(policy: unknown, port?: number): { mode: ClientTlsMode; at: string } | undefined {
  const p = record(policy);
  if (!p) return undefined;
  if (port !== undefined) {
    for (const [i, s] of list(p.portLevelSettings).entries()) {
      const entry = record(s);
      const mode = tlsModeOf(entry?.tls);
      if (record(entry?.port)?.number === port && mode) return { mode, at: `portLevelSettings[${i}].tls.mode` };
    }
  }
  const mode = tlsModeOf(p.tls);
  return mode ? { mode, at: 'tls.mode' } : undefined;
}

/** Whether a DestinationRule applies to every client (no workloadSelector). */
function appliesToAllClients(dr: IstioResource): boolean {
  return Object.keys(record(record(dr.spec.workloadSelector)?.matchLabels) ?? {}).length === 0;
}

/** Whether a DestinationRule is visible to clients in `clientNamespace` (its `exportTo`). */
export function exportedTo(dr: IstioResource, clientNamespace: string): boolean {
  const to = list(dr.spec.exportTo).filter((n): n is string => typeof n === 'string');
  if (to.length === 0 || to.includes('*')) return true;
  return to.some((n) => (n === '.' ? dr.metadata.namespace : n) === clientNamespace);
}

/** The DestinationRule a client in `clientNamespace` applies to the service FQDN `host`, if any. */
export function ruleFor(scope: ConfigScope, clientNamespace: string, host: string): IstioResource | undefined {
  const order = [clientNamespace, namespaceOfFqdn(host), scope.rootNamespace].filter((n): n is string => n !== undefined);
  // A client in the root namespace (a gateway in istio-system) looks in the service's namespace first, so that
  // catch-all rules kept in the root namespace do not hide the service's own (pilot does the same).
  if (clientNamespace === scope.rootNamespace) order.shift();
  const rules = scope.objects.filter((o) => o.kind === 'DestinationRule' && appliesToAllClients(o) && exportedTo(o, clientNamespace)).sort(byAge);
  for (const ns of order) {
    let best: { rule: IstioResource; score: number } | undefined;
    for (const dr of rules) {
      if (dr.metadata.namespace !== ns || typeof dr.spec.host !== 'string') continue;
      const score = hostSpecificity(qualifyHost(dr.spec.host, ns), host);
      if (score !== undefined && (!best || score > best.score)) best = { rule: dr, score };
    }
    if (best) return best.rule;
  }
  return undefined;
}

/** The TLS mode a client in `clientNamespace` uses toward `host` (an FQDN), on `port` and `subset` when given. */
export function clientTlsFor(scope: ConfigScope, clientNamespace: string, host: string, port?: number, subset?: string): ClientTlsDecision {
  const dr = ruleFor(scope, clientNamespace, host);
  if (!dr) return {};
  const subsets = list(dr.spec.subsets);
  const i = subset === undefined ? -1 : subsets.findIndex((s) => record(s)?.name === subset);
  const fromSubset = i >= 0 ? policyTlsMode(record(subsets[i])?.trafficPolicy, port) : undefined;
  if (fromSubset) return { mode: fromSubset.mode, rule: refOf(dr), path: `spec.subsets[${i}].trafficPolicy.${fromSubset.at}` };
  const top = policyTlsMode(dr.spec.trafficPolicy, port);
  return top ? { mode: top.mode, rule: refOf(dr), path: `spec.trafficPolicy.${top.at}` } : { rule: refOf(dr) };
}
