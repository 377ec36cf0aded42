// Reads a service's VirtualService and DestinationRule into the traffic form's model. Pure.

import { qualifyHost, serviceFqdn } from '../istio/hosts';
import { list, nsName } from '../istio/read';
import type { IstioResource, MeshService, MeshWorkload } from '../istio/types';
import { readCircuitBreaker } from './circuit-breaker';
import { readHttpRoutes, setKeys, type RouteContext } from './read-routes';
import type { TrafficModel } from './types';
import { serviceVersions, subsetsOf } from './versions';

/** What readTrafficModel reads: the objects of the service's namespace whose host(s) resolve to the service. */
export interface TrafficInput {
  namespace: string;
  service: MeshService;
  workloads: readonly MeshWorkload[];
  virtualServices: readonly IstioResource[];
  destinationRules: readonly IstioResource[];
}

const VS_FIELD_WORDS: Record<string, string> = {
  tcp: 'has TCP routes, which the form does not edit',
  tls: 'has TLS routes, which the form does not edit',
};

function vsProblems(vs: IstioResource, service: string, fqdn: string, ctx: RouteContext): void {
  const hosts = list(vs.spec.hosts).filter((h): h is string => typeof h === 'string');
  const others = hosts.filter((h) => qualifyHost(h, vs.metadata.namespace) !== fqdn);
  if (others.length > 0) ctx.problems.push(`VirtualService ${nsName(vs.metadata)} routes hosts other than ${service} (${others.join(', ')})`);
  const gateways = list(vs.spec.gateways).filter((g) => g !== 'mesh');
  if (gateways.length > 0) ctx.problems.push(`VirtualService ${nsName(vs.metadata)} applies to gateways other than the mesh (${gateways.map(String).join(', ')})`);
  for (const key of setKeys(vs.spec).filter((k) => !['hosts', 'gateways', 'http', 'exportTo'].includes(k))) {
    ctx.problems.push(`VirtualService ${nsName(vs.metadata)} ${VS_FIELD_WORDS[key] ?? 'uses a field the form does not edit'} (spec.${key})`);
  }
}

/**
 * The form model of one service. Without a VirtualService, `routes` is empty: Istio's default, spread over all
 * versions. `unsupported` lists, in words, why the form cannot represent the live objects (then PUT refuses).
 */
export function readTrafficModel(input: TrafficInput): TrafficModel {
  const { namespace, service } = input;
  const fqdn = serviceFqdn(namespace, service.name);
  const problems: string[] = [];
  const [vs, ...moreVs] = input.virtualServices;
  const [dr, ...moreDr] = input.destinationRules;
  if (moreVs.length > 0) {
    problems.push(`${input.virtualServices.length} VirtualServices route this host (${input.virtualServices.map((o) => nsName(o.metadata)).join(', ')}); Istio merges them only in gateways, so the form edits one`);
  }
  if (moreDr.length > 0) {
    problems.push(`${input.destinationRules.length} DestinationRules apply to this host (${input.destinationRules.map((o) => nsName(o.metadata)).join(', ')}); Istio uses only one of them`);
  }
  const ctx: RouteContext = { fqdn, namespace: vs?.metadata.namespace ?? namespace, problems };
  if (vs) vsProblems(vs, service.name, fqdn, ctx);
  const http = vs ? readHttpRoutes(vs.spec.http, ctx) : { routes: [], rules: [] };
  const circuitBreaker = readCircuitBreaker(dr?.spec.trafficPolicy, problems);
  const subsets = subsetsOf(dr);
  const vsRef = vs ? { name: vs.metadata.name, resourceVersion: vs.metadata.resourceVersion ?? '' } : undefined;
  const drRef = dr ? { name: dr.metadata.name, resourceVersion: dr.metadata.resourceVersion ?? '' } : undefined;
  return {
    namespace,
    service: service.name,
    host: fqdn,
    ...http,
    ...(circuitBreaker ? { circuitBreaker } : {}),
    ...(vs?.metadata.resourceVersion !== undefined ? { resourceVersion: vs.metadata.resourceVersion } : {}),
    ...(vsRef ? { virtualService: vsRef } : {}),
    ...(drRef ? { destinationRule: drRef } : {}),
    versions: serviceVersions(service, input.workloads, subsets),
    subsets,
    unsupported: problems,
  };
}

/** The DestinationRule subset names and version names an edit may route to (`''`: the whole service). */
export function routableSubsets(model: TrafficModel): Set<string> {
  return new Set(['', ...(model.subsets ?? []).map((s) => s.name), ...model.versions.map((v) => v.subset ?? v.version)]);
}
