// A generated mesh for scale: many namespaces, apps with a few versions each, and calls laid out in layers so
// that requests always move to a deeper layer and never come back (no cycles).

import { totalExpectedRate } from './expected-rates';
import type { CallSpec, EntrySpec, NamespaceSpec, Protocol, Scenario, ServiceSpec, WorkloadSpec } from './model';
import { createRandom, type Random } from './random';

/** How big the generated mesh is; the same options always give the same mesh. */
export interface LargeMeshOptions {
  /** Exact number of workloads (Deployments). */
  workloads: number;
  /** Mean outgoing calls per workload; the mesh has about `workloads × edgesPerService` workload→service edges. */
  edgesPerService: number;
  seed: number;
  /** Defaults to one namespace per 50 workloads. */
  namespaces?: number;
}

/** Total expected requests per second across all hops; entry rates are scaled so the mesh carries this much. */
export const LARGE_MESH_TOTAL_RATE = 2500;

const MAX_LAYERS = 6;
const SAME_NAMESPACE_SHARE = 0.8;
const WORDS = [
  'auth', 'billing', 'cart', 'catalog', 'checkout', 'inventory', 'ledger', 'media', 'notify', 'orders',
  'payments', 'pricing', 'profile', 'ratings', 'recs', 'search', 'session', 'shipping', 'stock', 'users',
];
const DATABASES: { port: number }[] = [{ port: 5432 }, { port: 3306 }, { port: 27017 }, { port: 6379 }];

interface App {
  name: string;
  namespace: string;
  layer: number;
  versions: number;
  service: ServiceSpec;
  /** How many of `calls` each version makes (a prefix), so versions differ a little, as in bookinfo. */
  callCounts: number[];
  calls: CallSpec[];
  /** Calls every version makes, added so that no service is left without callers. */
  sharedCalls: CallSpec[];
}

/** Generates a layered (acyclic) mesh with exactly `workloads` workloads; deterministic for a given seed. */
export function generateLargeMesh(options: LargeMeshOptions): Scenario {
  const { workloads, edgesPerService, seed } = options;
  const namespaceCount = options.namespaces ?? Math.max(1, Math.round(workloads / 50));
  if (!Number.isInteger(workloads) || workloads < 1) throw new RangeError('workloads must be a positive integer');
  if (!(edgesPerService >= 0)) throw new RangeError('edgesPerService must be at least 0');
  if (!Number.isInteger(namespaceCount) || namespaceCount < 1 || namespaceCount > workloads) {
    throw new RangeError('namespaces must be an integer from 1 to the number of workloads');
  }
  const rng = createRandom(seed);
  const namespaces = Array.from({ length: namespaceCount }, (_, i) => `mesh-${pad(i + 1, namespaceCount)}`);
  const apps = makeApps(rng, workloads, namespaces);
  assignCallCounts(apps, workloads * edgesPerService);
  for (const app of apps) app.calls = pickCalls(rng, app, apps);
  connectUncalled(rng, apps);

  const namespaceSpecs: NamespaceSpec[] = namespaces.map((name) => {
    const own = apps.filter((a) => a.namespace === name);
    return {
      name,
      injection: true,
      services: own.map((a) => a.service),
      workloads: own.flatMap((a) => makeWorkloads(rng, a)),
    };
  });
  const entries: EntrySpec[] = apps
    .filter((a) => a.layer === 0)
    .map((a) => ({
      via: rng.chance(0.7) ? 'ingress' : 'outside',
      service: a.name,
      namespace: a.namespace,
      // A relative weight for now; scaled to the rate budget below.
      ratePerSecond: rng.between(0.5, 2),
      requests: [{ share: 1, headers: {}, path: `/api/${a.name}` }],
    }));
  const scenario: Scenario = {
    name: `large-${workloads}`,
    seed,
    traceSampling: 0.01,
    namespaces: namespaceSpecs,
    entries,
  };
  const perUnit = totalExpectedRate(scenario);
  const scale = perUnit > 0 ? LARGE_MESH_TOTAL_RATE / perUnit : 0;
  // Rounding down keeps the total under the budget.
  for (const entry of entries) entry.ratePerSecond = Math.max(0.001, Math.floor(entry.ratePerSecond * scale * 1000) / 1000);
  return scenario;
}

/** The number of workload→service edges (calls) in a scenario. */
export function countCallEdges(scenario: Scenario): number {
  return scenario.namespaces.reduce((n, ns) => n + ns.workloads.reduce((m, w) => m + w.calls.length, 0), 0);
}

function makeApps(rng: Random, workloads: number, namespaces: string[]): App[] {
  const drafts: { namespace: string; versions: number }[] = [];
  for (let left = workloads; left > 0; ) {
    const versions = Math.min(left, rng.int(1, 3));
    drafts.push({ namespace: namespaces[drafts.length % namespaces.length] as string, versions });
    left -= versions;
  }
  const width = String(drafts.length).length;
  const apps: App[] = [];
  for (const namespace of namespaces) {
    const own = drafts.filter((d) => d.namespace === namespace);
    const layers = Math.min(MAX_LAYERS, own.length);
    own.forEach((draft, k) => {
      const name = `${rng.pick(WORDS)}-${String(apps.length + 1).padStart(width, '0')}`;
      const layer = Math.floor((k * layers) / own.length);
      apps.push({
        name,
        namespace,
        layer,
        versions: draft.versions,
        service: { name, port: 8080, protocol: 'http', app: name },
        callCounts: [],
        calls: [],
        sharedCalls: [],
      });
    });
  }
  const deepest = Math.max(...apps.map((a) => a.layer));
  for (const app of apps) {
    const protocol: Protocol =
      app.layer === deepest && deepest > 0 && rng.chance(0.25) ? 'tcp' : rng.chance(0.15) ? 'grpc' : 'http';
    const port = protocol === 'tcp' ? rng.pick(DATABASES).port : protocol === 'grpc' ? 9090 : 8080;
    app.service = { ...app.service, protocol, port };
  }
  return apps;
}

/** Spreads `total` calls over the workloads that have someone deeper to call, as evenly as whole numbers allow. */
function assignCallCounts(apps: App[], total: number): void {
  const deepest = Math.max(...apps.map((a) => a.layer));
  const callers = apps.filter((a) => a.layer < deepest);
  const perWorkload = total / Math.max(1, callers.reduce((n, a) => n + a.versions, 0));
  let carried = 0;
  for (const app of callers) {
    app.callCounts = Array.from({ length: app.versions }, () => {
      const before = Math.floor(carried);
      carried += perWorkload;
      return Math.floor(carried) - before;
    });
  }
}

/** An app's calls to distinct deeper services, mostly in its own namespace. */
function pickCalls(rng: Random, app: App, apps: App[]): CallSpec[] {
  const wanted = Math.max(0, ...app.callCounts);
  const deeper = apps.filter((a) => a.layer > app.layer);
  let same = deeper.filter((a) => a.namespace === app.namespace);
  let other = deeper.filter((a) => a.namespace !== app.namespace);
  const calls: CallSpec[] = [];
  while (calls.length < wanted && same.length + other.length > 0) {
    const fromSame = same.length > 0 && (other.length === 0 || rng.chance(SAME_NAMESPACE_SHARE));
    const pool = fromSame ? same : other;
    const target = rng.pick(pool);
    if (fromSame) same = same.filter((a) => a !== target);
    else other = other.filter((a) => a !== target);
    calls.push(makeCall(rng, target, wanted));
  }
  return calls;
}

/** Gives every service below the entry layer at least one caller, so no part of the mesh sits idle. */
function connectUncalled(rng: Random, apps: App[]): void {
  const called = new Set(apps.flatMap((a) => a.calls.map((c) => `${c.namespace}/${c.service}`)));
  for (const app of apps) {
    if (app.layer === 0 || called.has(`${app.namespace}/${app.name}`)) continue;
    const shallower = apps.filter((a) => a.layer < app.layer);
    const local = shallower.filter((a) => a.namespace === app.namespace);
    const caller = rng.pick(local.length > 0 ? local : shallower);
    caller.sharedCalls.push(makeCall(rng, app, caller.calls.length + 1));
    called.add(`${app.namespace}/${app.name}`);
  }
}

function makeCall(rng: Random, target: App, siblings: number): CallSpec {
  // About one onward request per inbound request in total, so each layer carries a similar load.
  const perRequest = Math.max(0.01, round(rng.between(0.4, 1.6) / Math.max(1, siblings), 2));
  const call: CallSpec = { service: target.name, namespace: target.namespace, perRequest };
  if (target.service.protocol === 'tcp') call.tcpBytes = { sent: rng.int(100, 2000), received: rng.int(200, 20000) };
  return call;
}

function makeWorkloads(rng: Random, app: App): WorkloadSpec[] {
  return Array.from({ length: app.versions }, (_, v): WorkloadSpec => {
    const medianMs = round(rng.between(1, 20), 1);
    const calls = [...app.calls.slice(0, app.callCounts[v] ?? 0), ...app.sharedCalls];
    return {
      name: `${app.name}-v${v + 1}`,
      app: app.name,
      version: `v${v + 1}`,
      serviceAccount: `${app.namespace}-${app.name}`,
      replicas: rng.int(1, 3),
      sidecar: true,
      latency: { medianMs, p99Ms: round(medianMs * rng.between(3, 8), 1) },
      errorRate: rng.chance(0.08) ? round(rng.between(0.001, 0.05), 3) : 0,
      requestBytes: rng.int(100, 800),
      responseBytes: rng.int(200, 8000),
      calls: calls.map((c) => ({ ...c, ...(c.tcpBytes ? { tcpBytes: { ...c.tcpBytes } } : {}) })),
    };
  });
}

function pad(n: number, of: number): string {
  return String(n).padStart(Math.max(2, String(of).length), '0');
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
