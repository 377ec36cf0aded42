// What a host names in the scope: a Kubernetes Service, a ServiceEntry host, the workloads behind a service. Pure.
//
// Facts from Istio's VirtualService and DestinationRule references: a host is looked up in the platform's service
// registry and among ServiceEntry hosts; a ServiceEntry host may be a wildcard (`*.eu.bookinfo.com`) that covers
// concrete names; a ServiceEntry's `exportTo` (absent or `*` = everywhere, `.` = its own namespace) limits who sees
// it. A Service's exportTo annotation is not read: every Service in scope counts as visible.

import { matchesSelector } from '../../inventory/workloads';
import { hostSpecificity, qualifyHost, serviceFqdn } from '../hosts';
import type { ConfigScope, IstioResource, MeshService, MeshWorkload } from '../types';
import { list, str } from '../read';

/** The Kubernetes service whose FQDN is `fqdn`, if it is in scope. */
export function serviceOfFqdn(scope: ConfigScope, fqdn: string): MeshService | undefined {
  return scope.services.find((s) => serviceFqdn(s.namespace, s.name) === fqdn);
}

/** Whether an object's `exportTo` lets objects of `namespace` see it. */
export function exportedTo(o: IstioResource, namespace: string): boolean {
  const to = list(o.spec.exportTo).flatMap((e) => str(e) ?? []);
  return to.length === 0 || to.includes('*') || to.includes(namespace) || (to.includes('.') && o.metadata.namespace === namespace);
}

/** Whether some ServiceEntry visible from `viewer` declares `fqdn`, exactly or through a wildcard host. */
export function declaredByServiceEntry(scope: ConfigScope, fqdn: string, viewer: string): boolean {
  return scope.objects.some(
    (o) =>
      o.kind === 'ServiceEntry' &&
      exportedTo(o, viewer) &&
      list(o.spec.hosts).some((h) => {
        const host = str(h);
        return host !== undefined && hostSpecificity(qualifyHost(host, o.metadata.namespace), fqdn) !== undefined;
      }),
  );
}

/** Whether a concrete host (no wildcard) names a Service, or a ServiceEntry host visible from `viewer`. */
export function hostExists(scope: ConfigScope, fqdn: string, viewer: string): boolean {
  return serviceOfFqdn(scope, fqdn) !== undefined || declaredByServiceEntry(scope, fqdn, viewer);
}

/** The workloads a service selects (none for a service without a selector). */
export function workloadsOfService(scope: ConfigScope, svc: MeshService): MeshWorkload[] {
  return scope.workloads.filter((w) => w.namespace === svc.namespace && matchesSelector(svc.selector, w.labels));
}
