// Who selects whom: the one place that turns a scenario's names into its graph of workloads and services.

import type { Scenario, WorkloadSpec } from './model';

/** The `namespace/workload` key used for workloads in maps and reports. */
export function workloadKey(namespace: string, workload: string): string {
  return `${namespace}/${workload}`;
}

/** The `namespace/service` key used for services in maps. */
export function serviceKey(namespace: string, service: string): string {
  return `${namespace}/${service}`;
}

/** A workload together with where it sits in the scenario, so checks can name its path. */
export interface LocatedWorkload {
  namespace: string;
  namespaceIndex: number;
  workloadIndex: number;
  spec: WorkloadSpec;
}

/**
 * The workloads each service selects, keyed by `serviceKey`: those in the service's namespace whose `app` equals
 * the service's `app`, in scenario order. The first namespace and service of a duplicated name win.
 */
export function serviceBackends(scenario: Scenario): Map<string, LocatedWorkload[]> {
  const backends = new Map<string, LocatedWorkload[]>();
  const seenNamespaces = new Set<string>();
  scenario.namespaces.forEach((ns, namespaceIndex) => {
    if (seenNamespaces.has(ns.name)) return;
    seenNamespaces.add(ns.name);
    for (const service of ns.services) {
      const key = serviceKey(ns.name, service.name);
      if (backends.has(key)) continue;
      const selected: LocatedWorkload[] = [];
      ns.workloads.forEach((spec, workloadIndex) => {
        if (spec.app === service.app) selected.push({ namespace: ns.name, namespaceIndex, workloadIndex, spec });
      });
      backends.set(key, selected);
    }
  });
  return backends;
}
