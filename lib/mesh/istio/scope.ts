// Builds the ConfigScope the validations and mTLS rules read from what lib/k8s lists. Pure.

import type { ControllerObject, PodObject, ServiceObject } from '../inventory/objects';
import { buildWorkloads } from '../inventory/workloads';
import type { ConfigScope, IstioResource, MeshService, MeshWorkload } from './types';

/** What the scope is built from: cluster-wide lists (each object carries its namespace). */
export interface ScopeInput {
  istio: readonly IstioResource[];
  controllers: readonly ControllerObject[];
  pods: readonly PodObject[];
  services: readonly ServiceObject[];
  /** Every namespace with its labels (the injection label decides a sidecar for pods not yet running). */
  namespaces: readonly { name: string; labels: Record<string, string> }[];
  rootNamespace: string;
}

function meshService(s: ServiceObject): MeshService {
  return {
    namespace: s.meta.namespace,
    name: s.meta.name,
    selector: s.selector,
    ports: s.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol })),
  };
}

/** The scope over every namespace listed; workloads are grouped per namespace the way the inventory does it. */
export function buildScope(input: ScopeInput): ConfigScope {
  const workloads: MeshWorkload[] = [];
  for (const ns of input.namespaces) {
    const mine = <T extends { meta: { namespace: string } }>(xs: readonly T[]) => xs.filter((x) => x.meta.namespace === ns.name);
    for (const w of buildWorkloads({ namespace: ns.name, labels: ns.labels, controllers: mine(input.controllers), pods: mine(input.pods) })) {
      workloads.push({
        namespace: w.namespace,
        name: w.name,
        labels: w.labels,
        // A partly injected workload still has pods that speak plaintext; it counts as without a sidecar.
        sidecar: w.sidecar === 'injected',
        ...(w.serviceAccounts[0] ? { serviceAccount: w.serviceAccounts[0] } : {}),
      });
    }
  }
  return {
    objects: input.istio,
    services: input.services.map(meshService),
    workloads,
    namespaces: input.namespaces.map((n) => n.name),
    rootNamespace: input.rootNamespace,
  };
}
