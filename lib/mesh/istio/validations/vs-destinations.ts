// Rules on where a VirtualService sends traffic: the host must exist, the port must be one of the service's, the
// subset must be defined by a DestinationRule the client will see. Pure.
//
// Facts from Istio's references and pilot's lookup order: a short host is read in the namespace of the object that
// writes it (a VS's destination in the VS's namespace, a DR's host in the DR's); a client takes DestinationRules from
// its own namespace, then the service's, then the root namespace, and a DR host may be a wildcard. Istio's
// analyzers report a missing host, a port the service lacks and a missing port on a multi-port service as errors.

import { hostSpecificity, namespaceOfFqdn, qualifyHost } from '../hosts';
import { refOf, type ConfigScope, type Finding, type IstioResource } from '../types';
import { finding, list, nsName, record, str } from '../read';
import { destinationsOf, type DestinationAt } from './routes';
import { hostExists, serviceOfFqdn } from './registry';

function shown(host: string, fqdn: string): string {
  return host === fqdn ? `"${host}"` : `"${host}" (${fqdn})`;
}

function definesSubset(dr: IstioResource, subset: string): boolean {
  return list(dr.spec.subsets).some((s) => str(record(s)?.name) === subset);
}

/** The DestinationRules in scope whose host (qualified in the DR's namespace) covers `fqdn`. */
export function rulesForHost(scope: ConfigScope, fqdn: string): IstioResource[] {
  return scope.objects.filter((o) => {
    const host = o.kind === 'DestinationRule' ? str(o.spec.host) : undefined;
    return host !== undefined && hostSpecificity(qualifyHost(host, o.metadata.namespace), fqdn) !== undefined;
  });
}

function subsetFinding(scope: ConfigScope, vs: IstioResource, d: DestinationAt & { subset: string }, fqdn: string): Finding | undefined {
  const rules = rulesForHost(scope, fqdn);
  const defining = rules.filter((dr) => definesSubset(dr, d.subset));
  // A DR counts only where a client of this VS would look it up; another namespace's DR serves that namespace only.
  const seen = new Set([vs.metadata.namespace, namespaceOfFqdn(fqdn), scope.rootNamespace]);
  if (defining.some((dr) => seen.has(dr.metadata.namespace))) return undefined;
  const path = `${d.path}.subset`;
  if (defining.length > 0) {
    const names = defining.map((dr) => nsName(dr.metadata)).join(', ');
    const message = `subset "${d.subset}" of host ${shown(d.host, fqdn)} is defined only by DestinationRule ${names}, which clients outside its namespace do not use`;
    return finding('vs.subset-in-other-namespace', 'warning', message, path, defining.map(refOf));
  }
  const message = `subset "${d.subset}" is not defined by any DestinationRule for host ${shown(d.host, fqdn)}`;
  return finding('vs.subset-not-found', 'error', message, path, rules.map(refOf));
}

function hostFindings(scope: ConfigScope, vs: IstioResource, d: DestinationAt, fqdn: string): Finding[] {
  if (!hostExists(scope, fqdn, vs.metadata.namespace)) {
    return [finding('vs.host-not-found', 'error', `host ${shown(d.host, fqdn)} matches no Kubernetes Service and no ServiceEntry host`, `${d.path}.host`)];
  }
  const svc = serviceOfFqdn(scope, fqdn);
  if (!svc) return [];
  const ports = svc.ports.map((p) => p.port);
  if (d.port !== undefined && !ports.includes(d.port)) {
    const message = `port ${d.port} is not a port of service ${nsName(svc)} (it has ${ports.join(', ') || 'none'})`;
    return [finding('vs.port-not-found', 'error', message, `${d.path}.port.number`)];
  }
  if (d.port === undefined && !d.mirror && ports.length > 1) {
    const message = `service ${nsName(svc)} has several ports (${ports.join(', ')}), so the destination must name one`;
    return [finding('vs.port-required', 'error', message, d.path)];
  }
  return [];
}

/** Host, port and subset findings of a VirtualService's destinations and mirrors (wildcard hosts are skipped). */
export function destinationFindings(scope: ConfigScope, vs: IstioResource): Finding[] {
  return destinationsOf(vs).flatMap((d) => {
    const fqdn = qualifyHost(d.host, vs.metadata.namespace);
    if (fqdn.includes('*')) return [];
    const subset = d.subset !== undefined && d.subset !== '' ? subsetFinding(scope, vs, { ...d, subset: d.subset }, fqdn) : undefined;
    return [...hostFindings(scope, vs, d, fqdn), ...(subset ? [subset] : [])];
  });
}
