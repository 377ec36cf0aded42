// What one Istio object refers to and what refers to it: the services it names, the workloads it applies to, and
// related Istio objects. Pure; the detail view of the config browser shows these as links.

import type { IstioRef } from '../inventory/types';
import { serviceOfHost, sortRefs } from '../inventory/istio-refs';
import { matchesSelector } from '../inventory/workloads';
import type { IstioConfigDetails } from './api-types';
import { qualifyHost } from './hosts';
import { resolveGateway } from './validations/gateway-refs';
import { labelMap, list, record, str } from './read';
import { destinationsOf, gatewayNamesOf } from './validations/routes';
import { refOf, type ConfigScope, type IstioResource, type MeshService, type MeshWorkload } from './types';

type NamedThing = { namespace: string; name: string };

/** Hosts an object names: a VirtualService's hosts and route destinations, a DestinationRule's or ServiceEntry's. */
export function hostsOf(o: IstioResource): string[] {
  switch (o.kind) {
    case 'VirtualService':
      return [...new Set([...list(o.spec.hosts).flatMap((h) => str(h) ?? []), ...destinationsOf(o).map((d) => d.host)])];
    case 'DestinationRule':
      return [str(o.spec.host) ?? []].flat();
    case 'ServiceEntry':
      return list(o.spec.hosts).flatMap((h) => str(h) ?? []);
    default:
      return [];
  }
}

const labelsOf = (v: unknown) => {
  const labels = labelMap(v);
  return Object.keys(labels).length > 0 ? labels : undefined;
};

/** The workload selector an object applies by, `'namespace'` for namespace-wide policies, undefined for none. */
function selectorOf(o: IstioResource): Record<string, string> | 'namespace' | undefined {
  const s = o.spec;
  switch (o.kind) {
    case 'Gateway':
      return labelsOf(s.selector);
    case 'ServiceEntry':
    case 'Sidecar':
      return labelsOf(record(s.workloadSelector)?.labels) ?? (o.kind === 'Sidecar' ? 'namespace' : undefined);
    case 'PeerAuthentication':
    case 'AuthorizationPolicy':
    case 'RequestAuthentication':
      if (s.targetRef !== undefined || s.targetRefs !== undefined) return undefined;
      return labelsOf(record(s.selector)?.matchLabels) ?? 'namespace';
    default:
      return undefined;
  }
}

function servicesOf(o: IstioResource, services: readonly MeshService[]): MeshService[] {
  const wanted = new Set(hostsOf(o).flatMap((h) => {
    const svc = serviceOfHost(h, o.metadata.namespace);
    return svc ? [`${svc.namespace}/${svc.name}`] : [];
  }));
  return services.filter((s) => wanted.has(`${s.namespace}/${s.name}`));
}

function workloadsBehind(service: MeshService, workloads: readonly MeshWorkload[]): MeshWorkload[] {
  if (Object.keys(service.selector).length === 0) return [];
  return workloads.filter((w) => w.namespace === service.namespace && matchesSelector(service.selector, w.labels));
}

function workloadsOf(o: IstioResource, scope: ConfigScope, services: readonly MeshService[]): readonly MeshWorkload[] {
  const selector = selectorOf(o);
  // A Gateway's selector reaches gateway pods in any namespace; the other kinds stay in their own.
  const candidates = o.kind === 'Gateway' ? scope.workloads : scope.workloads.filter((w) => w.namespace === o.metadata.namespace);
  if (selector === 'namespace') return candidates;
  if (selector) return candidates.filter((w) => matchesSelector(selector, w.labels));
  return services.flatMap((s) => workloadsBehind(s, scope.workloads));
}

/** Gateways a VirtualService binds to or matches on, as `namespace/name`. */
function gatewaysOf(vs: IstioResource): string[] {
  return gatewayNamesOf(vs).map((g) => resolveGateway(g.name, vs.metadata.namespace));
}

function sameHosts(a: IstioResource, b: IstioResource): boolean {
  const fq = (o: IstioResource) => new Set(hostsOf(o).map((h) => qualifyHost(h, o.metadata.namespace)));
  const other = fq(b);
  return [...fq(a)].some((h) => other.has(h));
}

function relatedObjects(o: IstioResource, scope: ConfigScope): IstioRef[] {
  const key = (x: IstioResource) => `${x.metadata.namespace}/${x.metadata.name}`;
  const out: IstioResource[] = [];
  for (const x of scope.objects) {
    if (x === o) continue;
    if (o.kind === 'VirtualService' && x.kind === 'Gateway' && gatewaysOf(o).includes(key(x))) out.push(x);
    if (o.kind === 'Gateway' && x.kind === 'VirtualService' && gatewaysOf(x).includes(key(o))) out.push(x);
    const routing = (a: IstioResource, b: IstioResource) => a.kind === 'VirtualService' && b.kind === 'DestinationRule' && sameHosts(a, b);
    if (routing(o, x) || routing(x, o)) out.push(x);
  }
  return sortRefs(out.map(refOf));
}

const byName = (a: NamedThing, b: NamedThing) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
const named = (xs: readonly NamedThing[]) => [...new Map(xs.map((x) => [`${x.namespace}/${x.name}`, { namespace: x.namespace, name: x.name }])).values()].sort(byName);

/** The services, workloads and Istio objects one object is linked to. */
export function referencesOf(o: IstioResource, scope: ConfigScope): IstioConfigDetails['references'] {
  const services = servicesOf(o, scope.services);
  return { services: named(services), workloads: named(workloadsOf(o, scope, services)), objects: relatedObjects(o, scope) };
}
