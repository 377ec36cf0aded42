// Test support: scopes from the reference YAML (read at test time, never copied) and small builders, so the mTLS
// tables stay one line per case.

import type { ConfigScope, IstioResource, MeshService, MeshWorkload } from '../istio/types';
import { sampleDocuments, scopeOf as scopeOfDocuments } from '../istio/testing';

/**
 * The scope of sample files (paths under ../shared/reference/istio-samples), built by the validations' loader;
 * objects without a creation time get one a minute after the one before, so the first in the files is the oldest.
 */
export function sampleScope(files: readonly string[], over: Partial<ConfigScope> = {}): ConfigScope {
  const scope = scopeOfDocuments(sampleDocuments(...files));
  const objects = scope.objects.map((o, i) => ({ ...o, metadata: { ...o.metadata, creationTimestamp: o.metadata.creationTimestamp ?? at(i) } }));
  return { ...scope, objects, namespaces: [...new Set([...scope.namespaces, 'istio-system'])].sort(), ...over };
}

/** An RFC 3339 time `minutes` after a fixed start. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2024, 0, 1, 0, minutes)).toISOString().replace('.000Z', 'Z');
}

/** A PeerAuthentication; `age` in minutes after the start (smaller is older). */
export function pa(namespace: string, name: string, spec: Record<string, unknown>, age = 0): IstioResource {
  return { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { namespace, name, creationTimestamp: at(age) }, spec };
}

/** A DestinationRule; `age` in minutes after the start (smaller is older). */
export function dr(namespace: string, name: string, spec: Record<string, unknown>, age = 0): IstioResource {
  return { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { namespace, name, creationTimestamp: at(age) }, spec };
}

/** `mtls: {mode}` for a PeerAuthentication spec. */
export const mode = (m: string, more: Record<string, unknown> = {}) => ({ mtls: { mode: m }, ...more });

/** `trafficPolicy.tls.mode` for a DestinationRule spec. */
export const tls = (host: string, m: string, more: Record<string, unknown> = {}) => ({ host, trafficPolicy: { tls: { mode: m } }, ...more });

/** A workload with `app` and `version` labels and a sidecar unless told otherwise. */
export function workload(namespace: string, app: string, version = 'v1', over: Partial<MeshWorkload> = {}): MeshWorkload {
  return { namespace, name: `${app}-${version}`, labels: { app, version }, sidecar: true, ...over };
}

/** A service selecting `app`, on one port forwarding to the same port unless told otherwise. */
export function service(namespace: string, app: string, port = 9080, targetPort: number | string = port): MeshService {
  return { namespace, name: app, selector: { app }, ports: [{ name: `http-${port}`, port, targetPort, protocol: 'TCP' }] };
}

/** A scope with istio-system as root and the namespaces of its objects and workloads (plus `istio-system`). */
export function scopeOf(objects: readonly IstioResource[], over: Partial<ConfigScope> = {}): ConfigScope {
  const workloads = over.workloads ?? [];
  const namespaces = [...new Set(['istio-system', ...objects.map((o) => o.metadata.namespace), ...workloads.map((w) => w.namespace)])].sort();
  return { objects, services: [], workloads, namespaces, rootNamespace: 'istio-system', ...over };
}
