import 'server-only';
import { appConfig } from './config/env';
import { AppError } from './errors';
import { listNamespaces } from './k8s/client';
import { readNamespaceObjects, readWorkloadObjects, type WorkloadObjects } from './k8s/inventory';
import { buildInventory, findItem, namespaceOverview, podSummary, podsOfItem, type Inventory } from './mesh/inventory/build';
import type { NamespaceObjects } from './mesh/inventory/objects';
import type { InventoryParams, OverviewParams, ResourcesParams } from './mesh/inventory/params';
import { resourceQueries, sidecarResources, type SidecarResources } from './mesh/inventory/resources';
import type { HealthRule } from './mesh/inventory/thresholds';
import { inboundTrafficQuery, indexTraffic, type TrafficIndex } from './mesh/inventory/traffic';
import type { InventoryDetails, InventoryList, NamespaceOverview } from './mesh/inventory/types';
import { buildWorkloads } from './mesh/inventory/workloads';
import { autoStep, rateWindowSeconds, timeGrid } from './mesh/metrics/step';
import { scrapeIntervalSeconds } from './metrics-service';
import { render } from './promql';
import { instantQuery, rangeQuery } from './prometheus/client';

// Up to this many namespaces, an overview reads each one's objects; beyond it, one cluster-wide list per kind
// costs fewer calls than it wastes on namespaces nobody asked about.
const PER_NAMESPACE_READS = 10;

function healthRules(): HealthRule[] {
  const setting = appConfig().healthRules;
  if (!setting.configured) throw new AppError('not_configured', setting.reason);
  return setting.value;
}

async function inboundTraffic(namespaces: readonly string[], duration: number): Promise<TrafficIndex> {
  if (namespaces.length === 0) return indexTraffic([]);
  return indexTraffic(await instantQuery(render(inboundTrafficQuery(namespaces, duration))));
}

async function inventoryOf(namespace: string, duration: number): Promise<Inventory> {
  const rules = healthRules();
  const [objects, traffic] = await Promise.all([readNamespaceObjects(namespace), inboundTraffic([namespace], duration)]);
  return buildInventory(objects, traffic, rules);
}

/** A namespace's apps, workloads or services with health over the duration; 404 for an unknown namespace. */
export async function fetchInventoryList(p: InventoryParams): Promise<InventoryList> {
  const inv = await inventoryOf(p.namespace, p.duration);
  return { namespace: p.namespace, kind: p.kind, duration: p.duration, items: inv[p.kind] };
}

/** One app, workload or service with its pods; 404 when the namespace or the item does not exist. */
export async function fetchInventoryDetails(p: InventoryParams & { name: string }): Promise<InventoryDetails> {
  const inv = await inventoryOf(p.namespace, p.duration);
  const item = findItem(inv, p.kind, p.name);
  if (!item) throw new AppError('not_found', `${p.kind.slice(0, -1)} "${p.name}" not found in namespace "${p.namespace}"`);
  return { item, pods: podsOfItem(inv, item).map(podSummary), duration: p.duration };
}

function inNamespace(all: WorkloadObjects, namespace: string): Omit<NamespaceObjects, 'labels' | 'istio'> {
  const mine = <T extends { meta: { namespace: string } }>(xs: T[]) => xs.filter((x) => x.meta.namespace === namespace);
  return { namespace, controllers: mine(all.controllers), pods: mine(all.pods), services: mine(all.services) };
}

/** Overview cards of the namespaces (all when none are given), from a fixed number of Prometheus queries (one). */
export async function fetchOverview(p: OverviewParams): Promise<{ namespaces: NamespaceOverview[] }> {
  const rules = healthRules();
  const known = await listNamespaces();
  const labelsOf = new Map(known.map((n) => [n.name, n.labels]));
  const missing = p.namespaces?.find((n) => !labelsOf.has(n));
  if (missing !== undefined) throw new AppError('not_found', `namespace "${missing}" not found`);
  const selected = [...(p.namespaces ?? known.map((n) => n.name))].sort();

  const perNamespace = p.namespaces !== undefined && selected.length <= PER_NAMESPACE_READS;
  const [objects, traffic] = await Promise.all([
    perNamespace
      ? Promise.all(selected.map((namespace) => readWorkloadObjects({ namespace }))).then((parts) => ({
          controllers: parts.flatMap((x) => x.controllers),
          pods: parts.flatMap((x) => x.pods),
          services: parts.flatMap((x) => x.services),
        }))
      : readWorkloadObjects('all'),
    inboundTraffic(selected, p.duration),
  ]);

  return {
    namespaces: selected.map((namespace) => {
      const labels = labelsOf.get(namespace) ?? {};
      // The cards show no Istio config, so the Istio objects are not read.
      const inv = buildInventory({ ...inNamespace(objects, namespace), labels, istio: [] }, traffic, rules);
      return namespaceOverview(inv, labels, traffic);
    }),
  };
}

/** CPU and memory of a workload's sidecars over time; 404 when the workload does not exist. */
export async function fetchSidecarResources(p: ResourcesParams, nowSeconds: number): Promise<SidecarResources> {
  const [objects, scrape] = await Promise.all([readWorkloadObjects({ namespace: p.namespace }), scrapeIntervalSeconds()]);
  const workload = buildWorkloads({ namespace: p.namespace, labels: {}, ...objects }).find((w) => w.name === p.name);
  if (!workload) throw new AppError('not_found', `workload "${p.name}" not found in namespace "${p.namespace}"`);
  const pods = workload.pods.map((pod) => pod.meta.name);
  const step = p.step ?? autoStep(p.duration, scrape);
  const grid = timeGrid(nowSeconds, p.duration, step);
  const window = rateWindowSeconds(step, scrape);
  const target = { namespace: p.namespace, workload: p.name, pods };
  // A workload without pods has no sidecars to ask about (and an empty name list would match nothing anyway).
  if (pods.length === 0) return sidecarResources(target, grid, window, { cpu: [], memory: [] });
  const queries = resourceQueries(p.namespace, pods, window);
  const start = new Date(grid.start * 1000);
  const end = new Date(grid.end * 1000);
  const [cpu, memory] = await Promise.all([rangeQuery(render(queries.cpu), start, end, step), rangeQuery(render(queries.memory), start, end, step)]);
  return sidecarResources(target, grid, window, { cpu, memory });
}
