// The versions of a service (its workloads grouped by `version` label) and the DestinationRule subsets selecting
// them. Pure.

import { labelMap, list, record, str } from '../istio/read';
import type { IstioResource, MeshService, MeshWorkload } from '../istio/types';
import type { ServiceVersion } from './types';

/** A DestinationRule subset as the traffic model reads it. */
export interface SubsetDef {
  name: string;
  labels: Record<string, string>;
}

/** The named subsets of a DestinationRule, in order. */
export function subsetsOf(dr: IstioResource | undefined): SubsetDef[] {
  return list(dr?.spec.subsets).flatMap((s) => {
    const name = str(record(s)?.name);
    return name ? [{ name, labels: labelMap(record(s)?.labels) }] : [];
  });
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Whether a service's selector picks a workload (a service without selector picks none). */
export function selectsWorkload(service: MeshService, w: MeshWorkload): boolean {
  return w.namespace === service.namespace && Object.keys(service.selector).length > 0 && selects(service.selector, w.labels);
}

/**
 * The versions behind a service, sorted by name. A version's subset is the first one that selects all of its
 * workloads and none of another version's: a subset spanning versions (`app: reviews`) is not a version's subset.
 */
export function serviceVersions(service: MeshService, workloads: readonly MeshWorkload[], subsets: readonly SubsetDef[]): ServiceVersion[] {
  const byVersion = new Map<string, MeshWorkload[]>();
  for (const w of workloads) {
    const version = w.labels.version;
    if (version === undefined || !selectsWorkload(service, w)) continue;
    byVersion.set(version, [...(byVersion.get(version) ?? []), w]);
  }
  return [...byVersion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([version, own]) => {
      const others = [...byVersion.entries()].filter(([v]) => v !== version).flatMap(([, ws]) => ws);
      const subset = subsets.find(
        (s) => Object.keys(s.labels).length > 0 && own.every((w) => selects(s.labels, w.labels)) && !others.some((w) => selects(s.labels, w.labels)),
      );
      return { version, labels: { version }, workloads: own.map((w) => w.name).sort(), ...(subset ? { subset: subset.name } : {}) };
    });
}
