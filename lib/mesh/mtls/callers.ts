// What the clients of a workload are told by DestinationRules about TLS toward it, next to what the workload's own
// PeerAuthentication enforces on the same port. Pure; status.ts and flags.ts read it.

import { matchesSelector } from '../inventory/workloads';
import { serviceFqdn } from '../istio/hosts';
import type { ConfigScope, MeshService, MeshWorkload } from '../istio/types';
import { clientTlsFor, ruleFor, type ClientTlsDecision, type ClientTlsMode } from './client-tls';
import { peerModeFor, type PeerModeDecision } from './peer-mode';

/** One DestinationRule setting that clients in some namespaces apply toward one port of a workload's service. */
export interface ClientRule {
  /** The service FQDN the clients address. */
  host: string;
  /** The service port. */
  port: number;
  subset?: string;
  /** What the client's rule says; always with a mode and a rule (auto mTLS is not listed). */
  client: ClientTlsDecision & { mode: ClientTlsMode };
  /** What the workload's sidecar enforces on the port the service forwards to. */
  server: PeerModeDecision;
  /** The namespaces whose clients apply this setting, sorted. */
  clientNamespaces: string[];
}

/** The services of the workload's namespace that select it. */
export function servicesOf(scope: ConfigScope, w: MeshWorkload): MeshService[] {
  return scope.services.filter((s) => s.namespace === w.namespace && matchesSelector(s.selector, w.labels));
}

/**
 * Client namespaces that may see different DestinationRules: those holding a rule, those a rule's `exportTo`
 * names, the root namespace, and one of the rest standing for all the rest (they all see the same rules).
 * Keeps the work per workload small however many namespaces a cluster has.
 */
export function clientNamespaceClasses(scope: ConfigScope): { namespace: string; members: string[] }[] {
  const special = new Set<string>([scope.rootNamespace]);
  for (const o of scope.objects) {
    if (o.kind !== 'DestinationRule') continue;
    special.add(o.metadata.namespace);
    for (const n of Array.isArray(o.spec.exportTo) ? o.spec.exportTo : []) if (typeof n === 'string') special.add(n);
  }
  const classes = scope.namespaces.filter((n) => special.has(n)).map((n) => ({ namespace: n, members: [n] }));
  const plain = scope.namespaces.filter((n) => !special.has(n));
  const [first] = plain;
  if (first !== undefined) classes.push({ namespace: first, members: plain });
  return classes;
}

// portLevelMtls is keyed by the port the workload listens on; a named targetPort cannot be resolved from here.
function workloadPort(p: MeshService['ports'][number]): number | undefined {
  if (typeof p.targetPort === 'number') return p.targetPort;
  return p.targetPort === undefined ? p.port : undefined;
}

function subsetsMatching(rule: { spec: Record<string, unknown> }, labels: Record<string, string>): string[] {
  const subsets = Array.isArray(rule.spec.subsets) ? rule.spec.subsets : [];
  return subsets.flatMap((s: unknown) => {
    const { name, labels: sel } = (s ?? {}) as { name?: unknown; labels?: unknown };
    if (typeof name !== 'string') return [];
    const selector = sel && typeof sel === 'object' ? (sel as Record<string, string>) : {};
    // A subset without labels is all of the service's endpoints, this workload among them.
    return Object.keys(selector).length === 0 || matchesSelector(selector, labels) ? [name] : [];
  });
}

/** The DestinationRule TLS settings clients apply toward a workload's service ports, grouped by client namespaces. */
export function clientRulesToward(scope: ConfigScope, w: MeshWorkload): ClientRule[] {
  const out = new Map<string, ClientRule>();
  const classes = clientNamespaceClasses(scope);
  for (const svc of servicesOf(scope, w)) {
    const host = serviceFqdn(svc.namespace, svc.name);
    for (const p of svc.ports) {
      const server = peerModeFor(scope, w.namespace, w.labels, workloadPort(p));
      for (const cls of classes) {
        const rule = ruleFor(scope, cls.namespace, host);
        if (!rule) continue;
        for (const subset of [undefined, ...subsetsMatching(rule, w.labels)]) {
          const client = clientTlsFor(scope, cls.namespace, host, p.port, subset);
          if (!client.mode || !client.rule) continue;
          // A subset that sets nothing of its own repeats the top-level answer; list that once.
          if (subset !== undefined && !client.path?.startsWith('spec.subsets')) continue;
          const key = [host, p.port, subset ?? '', client.rule.namespace, client.rule.name, client.path, client.mode].join('|');
          const found = out.get(key);
          if (found) found.clientNamespaces.push(...cls.members);
          else out.set(key, { host, port: p.port, ...(subset !== undefined ? { subset } : {}), client: { ...client, mode: client.mode }, server, clientNamespaces: [...cls.members] });
        }
      }
    }
  }
  for (const r of out.values()) r.clientNamespaces.sort();
  return [...out.values()];
}

/** Namespaces in words, the first few by name: `bookinfo, default and 3 more`. */
export function namespaceList(namespaces: readonly string[], shown = 3): string {
  if (namespaces.length <= shown) return namespaces.join(', ');
  return `${namespaces.slice(0, shown).join(', ')} and ${namespaces.length - shown} more`;
}
