// DestinationRule rules: the host must exist and each subset must select some workload of it. Pure.
//
// Facts from Istio's DestinationRule reference and analyzers: rules for hosts missing from the registry are ignored
// by Istio (a warning, as its unknown-host analyzer reports it); a subset's labels narrow the endpoints of the host's
// service, so they must match some pod the service selects. Node topology labels (`topology.kubernetes.io/…`) come
// from the node, which the scope does not describe, so a subset that names one with a value is not judged by it;
// an empty value never matches.

import { matchesSelector } from '../../inventory/workloads';
import { qualifyHost } from '../hosts';
import type { ConfigScope, Finding, IstioResource } from '../types';
import { finding, labelMap, list, nsName, record, str } from '../read';
import { hostExists, serviceOfFqdn, workloadsOfService } from './registry';

const NODE_LABEL_PREFIXES = ['topology.kubernetes.io/', 'topology.istio.io/'];

function podLabelsOf(subsetLabels: Record<string, string>): Record<string, string> | undefined {
  const entries = Object.entries(subsetLabels);
  if (entries.some(([k, v]) => v === '' && NODE_LABEL_PREFIXES.some((p) => k.startsWith(p)))) return undefined;
  return Object.fromEntries(entries.filter(([k]) => !NODE_LABEL_PREFIXES.some((p) => k.startsWith(p))));
}

function subsetFindings(scope: ConfigScope, dr: IstioResource, fqdn: string): Finding[] {
  const svc = serviceOfFqdn(scope, fqdn);
  if (!svc || Object.keys(svc.selector).length === 0) return [];
  const workloads = workloadsOfService(scope, svc);
  return list(dr.spec.subsets).flatMap((s, i) => {
    const subset = record(s);
    const labels = labelMap(subset?.labels);
    if (!subset || Object.keys(labels).length === 0) return [];
    const pod = podLabelsOf(labels);
    if (pod && (Object.keys(pod).length === 0 || workloads.some((w) => matchesSelector(pod, w.labels)))) return [];
    const shownLabels = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
    const message = `subset "${str(subset.name) ?? i}" (${shownLabels}) selects no workload of service ${nsName(svc)}`;
    return [finding('dr.subset-selects-nothing', 'warning', message, `spec.subsets[${i}].labels`)];
  });
}

/** `dr.host-not-found` and `dr.subset-selects-nothing` of a DestinationRule (wildcard hosts are skipped). */
export function destinationRuleFindings(scope: ConfigScope, dr: IstioResource): Finding[] {
  const host = str(dr.spec.host);
  if (host === undefined) return [];
  const fqdn = qualifyHost(host, dr.metadata.namespace);
  if (fqdn.includes('*')) return [];
  if (!hostExists(scope, fqdn, dr.metadata.namespace)) {
    const shown = host === fqdn ? `"${host}"` : `"${host}" (${fqdn})`;
    return [finding('dr.host-not-found', 'warning', `host ${shown} matches no Kubernetes Service and no ServiceEntry host, so Istio ignores this rule`, 'spec.host')];
  }
  return subsetFindings(scope, dr, fqdn);
}
