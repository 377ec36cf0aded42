// A namespace's apps, workloads and services with their links, Istio config and health (DESIGN §4 lists). Pure.

import type { Health } from '../graph/types';
import { emptyTraffic, healthReport, mergeTraffic, replicasFinding, trafficFindings, type Traffic } from './health-report';
import { serviceRefs, sortRefs, workloadRefs } from './istio-refs';
import type { NamespaceObjects, PodObject } from './objects';
import { thresholdsFor, type HealthRule } from './thresholds';
import { trafficKey, type TrafficIndex } from './traffic';
import type { AppItem, HealthCounts, InventoryItem, InventoryKind, NamespaceOverview, PodSummary, ServiceItem, WorkloadItem } from './types';
import { buildWorkloads, combineSidecar, hasSidecar, injectionOf, matchesSelector, type Workload } from './workloads';

/** Everything the lists and detail pages of one namespace show, with the pods behind each workload. */
export interface Inventory {
  namespace: string;
  apps: AppItem[];
  workloads: WorkloadItem[];
  services: ServiceItem[];
  /** Pods of each workload, by workload name. */
  podsOf: Map<string, PodObject[]>;
  /** All pods of the namespace (a service's pods are those its selector picks). */
  pods: PodObject[];
}

/** The app a workload belongs to, from the `app` label or, failing that, `app.kubernetes.io/name`. */
export function appOf(labels: Record<string, string>): string | undefined {
  return labels.app || labels['app.kubernetes.io/name'] || undefined;
}

/** A workload's version, from the `version` label or, failing that, `app.kubernetes.io/version`. */
export function versionOf(labels: Record<string, string>): string | undefined {
  return labels.version || labels['app.kubernetes.io/version'] || undefined;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function commonLabels(all: readonly Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = all;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((l) => l[k] === v)));
}

function workloadItem(w: Workload, services: string[], objects: NamespaceObjects, traffic: TrafficIndex, rules: readonly HealthRule[]): WorkloadItem {
  const t = traffic.workloads.get(trafficKey(w.namespace, w.name)) ?? emptyTraffic();
  const thresholds = thresholdsFor(rules, { namespace: w.namespace, name: w.name, kind: 'workloads' });
  const app = appOf(w.labels);
  const version = versionOf(w.labels);
  return {
    kind: 'workloads',
    namespace: w.namespace,
    name: w.name,
    labels: w.labels,
    health: healthReport(t, [...trafficFindings(t, thresholds), replicasFinding(w.replicas)]),
    istio: workloadRefs(objects.istio, w.namespace, w.labels),
    controller: w.controller,
    ...(app ? { app } : {}),
    ...(version ? { version } : {}),
    sidecar: w.sidecar,
    replicas: { ...w.replicas },
    serviceAccounts: w.serviceAccounts,
    services,
  };
}

/** Builds the inventory of one namespace from its objects and the inbound-traffic index. */
export function buildInventory(objects: NamespaceObjects, traffic: TrafficIndex, rules: readonly HealthRule[]): Inventory {
  const ns = objects.namespace;
  const workloads = buildWorkloads(objects);
  const selects = (selector: Record<string, string>) => workloads.filter((w) => matchesSelector(selector, w.labels));

  const services: ServiceItem[] = objects.services
    .map((s): ServiceItem => {
      const t = traffic.services.get(trafficKey(ns, s.meta.name)) ?? emptyTraffic();
      const thresholds = thresholdsFor(rules, { namespace: ns, name: s.meta.name, kind: 'services' });
      return {
        kind: 'services',
        namespace: ns,
        name: s.meta.name,
        labels: s.meta.labels,
        health: healthReport(t, trafficFindings(t, thresholds)),
        istio: serviceRefs(objects.istio, ns, s.meta.name),
        type: s.type,
        selector: s.selector,
        ports: s.ports,
        workloads: [...new Set(selects(s.selector).map((w) => w.name))].sort(),
      };
    })
    .sort(byName);

  const servicesOf = (w: Workload) => services.filter((s) => matchesSelector(s.selector, w.labels)).map((s) => s.name);
  const workloadItems = workloads.map((w) => workloadItem(w, servicesOf(w), objects, traffic, rules));

  const groups = Map.groupBy(
    workloads.flatMap((w, i) => {
      const app = appOf(w.labels);
      return app ? [{ app, w, item: workloadItems[i] }] : [];
    }),
    (g) => g.app,
  );
  const apps: AppItem[] = [...groups.entries()]
    .map(([name, members]): AppItem => {
      const t = emptyTraffic();
      // An app's traffic is its workloads' traffic, so the app always agrees with the workloads listed under it.
      for (const { w } of members) mergeTraffic(t, traffic.workloads.get(trafficKey(ns, w.name)) ?? emptyTraffic());
      const thresholds = thresholdsFor(rules, { namespace: ns, name, kind: 'apps' });
      const findings = [...trafficFindings(t, thresholds), ...members.map(({ w }) => replicasFinding(w.replicas, w.name))];
      const svcNames = new Set(members.flatMap(({ item }) => item?.services ?? []));
      return {
        kind: 'apps',
        namespace: ns,
        name,
        labels: commonLabels(members.map(({ w }) => w.labels)),
        health: healthReport(t, findings),
        istio: sortRefs([
          ...members.flatMap(({ item }) => item?.istio ?? []),
          ...services.filter((s) => svcNames.has(s.name)).flatMap((s) => s.istio),
        ]),
        versions: [...new Set(members.flatMap(({ w }) => versionOf(w.labels) ?? []))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
        workloads: members.map(({ w }) => w.name).sort(),
        services: [...svcNames].sort(),
        sidecar: combineSidecar(members.map(({ w }) => w.sidecar)),
      };
    })
    .sort(byName);

  return {
    namespace: ns,
    apps,
    workloads: workloadItems,
    services,
    podsOf: new Map(workloads.map((w) => [w.name, w.pods])),
    pods: objects.pods,
  };
}

/** The item of that kind and name, or undefined. */
export function findItem<K extends InventoryKind>(inv: Inventory, kind: K, name: string): Inventory[K][number] | undefined {
  const list: readonly Inventory[K][number][] = inv[kind];
  return list.find((i) => i.name === name);
}

/** A pod as the detail page lists it. */
export function podSummary(p: PodObject): PodSummary {
  return {
    name: p.meta.name,
    phase: p.phase,
    ready: p.ready,
    sidecar: hasSidecar(p),
    labels: p.meta.labels,
    ...(p.meta.createdAt !== undefined ? { createdAt: p.meta.createdAt } : {}),
  };
}

/** The pods behind an item: a workload's own, an app's workloads', the pods a service's selector picks. */
export function podsOfItem(inv: Inventory, item: InventoryItem): PodObject[] {
  const pods =
    item.kind === 'workloads'
      ? (inv.podsOf.get(item.name) ?? [])
      : item.kind === 'apps'
        ? item.workloads.flatMap((w) => inv.podsOf.get(w) ?? [])
        : inv.pods.filter((p) => matchesSelector(item.selector, p.meta.labels));
  return [...pods].sort((a, b) => a.meta.name.localeCompare(b.meta.name));
}

function counts(items: readonly { health: { health: Health } }[]): HealthCounts {
  const c: HealthCounts = { healthy: 0, degraded: 0, failure: 0, na: 0 };
  for (const i of items) c[i.health.health] += 1;
  return c;
}

/** One overview card: health counts of the namespace's inventory, its inbound traffic and its sidecars. */
export function namespaceOverview(inv: Inventory, labels: Record<string, string>, traffic: TrafficIndex): NamespaceOverview {
  const t: Traffic = traffic.namespaces.get(inv.namespace) ?? emptyTraffic();
  const total = t.tally.total;
  return {
    namespace: inv.namespace,
    labels,
    injection: injectionOf(labels),
    apps: counts(inv.apps),
    workloads: counts(inv.workloads),
    services: counts(inv.services),
    inRps: total,
    inErrorRate: total > 0 ? t.failed / total : null,
    mtlsShare: total > 0 ? t.mtls / total : null,
    // Workloads, not pods: a partly injected workload still has pods outside the mesh, so it does not count.
    sidecars: { injected: inv.workloads.filter((w) => w.sidecar === 'injected').length, total: inv.workloads.length },
  };
}
