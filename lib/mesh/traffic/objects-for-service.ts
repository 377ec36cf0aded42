// Picks the VirtualServices and DestinationRules that configure one service's traffic. Pure.

import { list, str } from '../istio/read';
import { qualifyHost, serviceFqdn } from '../istio/hosts';
import type { IstioResource } from '../istio/types';

/** What readTrafficModel reads for one service, picked from the objects around it. */
export interface ServiceObjects {
  virtualServices: IstioResource[];
  destinationRules: IstioResource[];
}

/**
 * The VirtualServices whose `hosts` name the service (short name or FQDN, wildcards excluded: a `*.ns…` rule is not
 * this service's to edit) and the DestinationRules whose `host` is the service. Objects of the service's namespace
 * come first and, when there are any, the others are left out: they are what the form edits.
 */
export function objectsForService(objects: readonly IstioResource[], namespace: string, service: string): ServiceObjects {
  const fqdn = serviceFqdn(namespace, service);
  const names = (o: IstioResource, hosts: unknown[]) => hosts.some((h) => typeof h === 'string' && !h.includes('*') && qualifyHost(h, o.metadata.namespace) === fqdn);
  const preferLocal = (found: IstioResource[]) => {
    const local = found.filter((o) => o.metadata.namespace === namespace);
    return local.length > 0 ? local : found;
  };
  return {
    virtualServices: preferLocal(objects.filter((o) => o.kind === 'VirtualService' && names(o, list(o.spec.hosts)))),
    destinationRules: preferLocal(objects.filter((o) => o.kind === 'DestinationRule' && names(o, [str(o.spec.host)]))),
  };
}
