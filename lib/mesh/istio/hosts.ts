// Host names as Istio reads them in VirtualServices, DestinationRules and ServiceEntries. Pure.

import { CLUSTER_DOMAIN } from '../inventory/istio-refs';

/**
 * The fully qualified form of a host written in an object of `namespace`: a short name (no dot) is a service of
 * that namespace; anything with a dot, and wildcards, are taken as written.
 */
export function qualifyHost(host: string, namespace: string): string {
  return host.includes('.') || host.includes('*') ? host : `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** The FQDN of a Kubernetes service. */
export function serviceFqdn(namespace: string, name: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * How specifically a configured host (qualified, possibly `*.suffix` or `*`) matches a concrete FQDN: the number of
 * characters it pins down, so an exact name beats `*.bookinfo.svc.cluster.local`, which beats `*`. Undefined when it
 * does not match.
 */
export function hostSpecificity(configHost: string, fqdn: string): number | undefined {
  if (configHost === fqdn) return Number.MAX_SAFE_INTEGER;
  if (configHost === '*') return 0;
  if (configHost.startsWith('*')) {
    const suffix = configHost.slice(1);
    return fqdn.endsWith(suffix) ? suffix.length : undefined;
  }
  return undefined;
}

/** The namespace of a service FQDN (`name.ns.svc.cluster.local`), if it is one. */
export function namespaceOfFqdn(fqdn: string): string | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  return parts.length === 2 ? parts[1] : undefined;
}

/** Oldest first (Istio's tie-break between objects of one level), then by namespace and name for a stable order. */
export function byAge(a: { metadata: { creationTimestamp?: string; namespace: string; name: string } }, b: typeof a): number {
  return createdAt(a) - createdAt(b) || a.metadata.namespace.localeCompare(b.metadata.namespace) || a.metadata.name.localeCompare(b.metadata.name);
}

// Parsed rather than compared as text: `…:05.5Z` is later than `…:05Z` but sorts before it. No timestamp (an object
// never stored) counts as oldest, as the empty string did.
function createdAt(o: { metadata: { creationTimestamp?: string } }): number {
  const t = o.metadata.creationTimestamp === undefined ? NaN : Date.parse(o.metadata.creationTimestamp);
  return Number.isNaN(t) ? -8.64e15 : t;
}
