// Which Istio objects apply to which services and workloads (the badges of the lists). Pure.
//
// Facts from Istio's reference docs: a short host (no dot) is read in the namespace of the object that names it,
// not the service's; a workload selector of a PeerAuthentication, AuthorizationPolicy, RequestAuthentication,
// Sidecar or ServiceEntry applies within the object's own namespace, and without a selector the first four apply
// to the whole namespace; a Gateway's selector matches gateway pods in any namespace by default.

import type { IstioObject } from './objects';
import type { IstioRef } from './types';
import { matchesSelector } from './workloads';

/** The Kubernetes cluster domain Istio's service hostnames end in; the default, as no API tells it. */
export const CLUSTER_DOMAIN = 'cluster.local';

const HOST_KINDS: ReadonlySet<IstioRef['kind']> = new Set(['VirtualService', 'DestinationRule', 'ServiceEntry']);
const NAMESPACE_WIDE_KINDS: ReadonlySet<IstioRef['kind']> = new Set(['PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'Sidecar']);

/**
 * The Kubernetes service a host names, resolved as Istio does: `reviews` in the object's namespace,
 * `reviews.bookinfo.svc.cluster.local` anywhere. Wildcards and other names (external hosts, or a partial name
 * such as `reviews.bookinfo`, which Istio takes as a fully qualified name of its own) name no service.
 */
export function serviceOfHost(host: string, objectNamespace: string): { namespace: string; name: string } | undefined {
  if (host.includes('*')) return undefined;
  if (!host.includes('.')) return { namespace: objectNamespace, name: host };
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!host.endsWith(suffix)) return undefined;
  const parts = host.slice(0, -suffix.length).split('.');
  return parts.length === 2 && parts[0] && parts[1] ? { namespace: parts[1], name: parts[0] } : undefined;
}

function ref(o: IstioObject): IstioRef {
  return { kind: o.kind, namespace: o.namespace, name: o.name };
}

/** Refs in a stable order (kind, namespace, name) without duplicates. */
export function sortRefs(refs: readonly IstioRef[]): IstioRef[] {
  const seen = new Map(refs.map((r) => [`${r.kind}/${r.namespace}/${r.name}`, r]));
  return [...seen.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** Istio objects that name the service `namespace/name` as a host or route destination. */
export function serviceRefs(objects: readonly IstioObject[], namespace: string, name: string): IstioRef[] {
  return sortRefs(
    objects.filter(
      (o) =>
        HOST_KINDS.has(o.kind) &&
        o.hosts.some((h) => {
          const svc = serviceOfHost(h, o.namespace);
          return svc?.namespace === namespace && svc.name === name;
        }),
    ).map(ref),
  );
}

/** Whether an object applies to a workload with these labels in that namespace. */
export function appliesToWorkload(o: IstioObject, namespace: string, labels: Record<string, string>): boolean {
  if (o.kind === 'Gateway') return o.selector !== undefined && matchesSelector(o.selector, labels);
  if (o.namespace !== namespace || o.targetRefs) return false;
  if (o.selector) return matchesSelector(o.selector, labels);
  return NAMESPACE_WIDE_KINDS.has(o.kind);
}

/** Istio objects that select a workload (by labels, or namespace-wide). */
export function workloadRefs(objects: readonly IstioObject[], namespace: string, labels: Record<string, string>): IstioRef[] {
  return sortRefs(objects.filter((o) => appliesToWorkload(o, namespace, labels)).map(ref));
}
