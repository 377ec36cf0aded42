import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually, simulatorHistorySeconds } from '../lab/testing/lab-clients';
import type { ResourceMetric, SidecarResources } from './mesh/inventory/resources';
import type { AppItem, InventoryDetails, InventoryList, NamespaceOverview, ServiceItem, WorkloadItem } from './mesh/inventory/types';

type Result<T> = { status: number; body: T };

/** Imports a route with a fresh module graph and the extra environment, so configuration is read anew. */
async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    return await run();
  } finally {
    vi.unstubAllEnvs();
  }
}

async function getList<T>(namespace: string, kind: string, query = '', env: Record<string, string> = {}): Promise<Result<T>> {
  return withEnv(env, async () => {
    const { GET } = await import('../app/api/namespaces/[namespace]/[kind]/route');
    const res = await GET(new Request(`http://console.test/api/namespaces/${namespace}/${kind}?${query}`), { params: Promise.resolve({ namespace, kind }) });
    return { status: res.status, body: (await res.json()) as T };
  });
}

async function getDetails<T>(namespace: string, kind: string, name: string): Promise<Result<T>> {
  return withEnv({}, async () => {
    const { GET } = await import('../app/api/namespaces/[namespace]/[kind]/[name]/route');
    const res = await GET(new Request(`http://console.test/api/namespaces/${namespace}/${kind}/${name}`), { params: Promise.resolve({ namespace, kind, name }) });
    return { status: res.status, body: (await res.json()) as T };
  });
}

async function getOverview(query: string): Promise<Result<{ namespaces: NamespaceOverview[] }>> {
  return withEnv({}, async () => {
    const { GET } = await import('../app/api/overview/route');
    const res = await GET(new Request(`http://console.test/api/overview?${query}`));
    return { status: res.status, body: (await res.json()) as { namespaces: NamespaceOverview[] } };
  });
}

async function getResources(namespace: string, name: string, query: string): Promise<Result<SidecarResources>> {
  return withEnv({}, async () => {
    const { GET } = await import('../app/api/namespaces/[namespace]/workloads/[name]/resources/route');
    const res = await GET(new Request(`http://console.test/api/namespaces/${namespace}/workloads/${name}/resources?${query}`), { params: Promise.resolve({ namespace, name }) });
    return { status: res.status, body: (await res.json()) as SidecarResources };
  });
}

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details?: { field?: string } } }).error;
const byName = <T extends { name: string }>(items: T[], name: string): T | undefined => items.find((i) => i.name === name);

let configDir = '';

beforeAll(async () => {
  // Health needs a few minutes of traffic in Prometheus; a fresh lab gets there on its own.
  await eventually(simulatorHistorySeconds, (s) => s >= 130, 210_000, 5_000);
  configDir = mkdtempSync(join(tmpdir(), 'meshscope-health-'));
}, 220_000);

afterAll(() => {
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

// Against the lab: bookinfo and travel as the simulator deployed them (lab/scenarios/bookinfo.yaml).
describe('inventory API against the lab', () => {
  it('lists bookinfo apps with the versions behind them and the services they answer', async () => {
    const { status, body } = await getList<InventoryList<AppItem>>('bookinfo', 'apps');
    expect(status).toBe(200);
    expect(body.duration).toBe(300);
    const reviews = byName(body.items, 'reviews');
    expect(reviews).toMatchObject({ versions: ['v1', 'v2', 'v3'], workloads: ['reviews-v1', 'reviews-v2', 'reviews-v3'], services: ['reviews'], sidecar: 'injected' });
    expect(reviews?.health.inRps).toBeGreaterThan(0);
    expect(body.items.map((a) => a.name)).toEqual(['details', 'mongodb', 'productpage', 'ratings', 'reviews']);
  });

  it('links services and workloads both ways, and shows the workload deployed without a sidecar', async () => {
    const [services, workloads] = await Promise.all([
      getList<InventoryList<ServiceItem>>('travel', 'services'),
      getList<InventoryList<WorkloadItem>>('travel', 'workloads'),
    ]);
    expect([services.status, workloads.status]).toEqual([200, 200]);
    expect(byName(services.body.items, 'discounts')).toMatchObject({ workloads: ['discounts-v1'], selector: { app: 'discounts' } });
    const discounts = byName(workloads.body.items, 'discounts-v1');
    expect(discounts).toMatchObject({ sidecar: 'missing', controller: 'Deployment', services: ['discounts'], app: 'discounts', version: 'v1' });
    expect(discounts?.replicas).toEqual({ desired: 1, ready: 1, available: 1 });
    // It reports no traffic itself; what its callers' proxies sent stands in.
    expect(discounts?.health.inRps).toBeGreaterThan(1);
    expect(byName(workloads.body.items, 'travels-v1')?.sidecar).toBe('injected');
  });

  it('judges inbound traffic and names the Istio config that applies', async () => {
    // Two minutes: a fresh lab holds little more history, and rate() over a longer window than the data reads low.
    const { body } = await getList<InventoryList<ServiceItem>>('bookinfo', 'services', 'duration=2m');
    const productpage = byName(body.items, 'productpage');
    // The ingress VirtualService routes to productpage by its short name, resolved in bookinfo.
    expect(productpage?.istio).toContainEqual({ kind: 'VirtualService', namespace: 'bookinfo', name: 'bookinfo-ingress' });
    expect(productpage?.health.inRps).toBeGreaterThan(5);
    // ratings fails about 1 % of requests (v1), which Kiali's defaults call degraded (any 5xx).
    const ratings = byName(body.items, 'ratings');
    expect(ratings?.health.health).toBe('degraded');
    expect(ratings?.health.reasons.join(' ')).toMatch(/^5xx [\d.]+ % > 0 %/);
    // mongodb only speaks TCP: no requests to judge.
    expect(byName(body.items, 'mongodb')?.health).toMatchObject({ health: 'na', inRps: 0, inErrorRate: null });
  });

  it('takes thresholds from MESHSCOPE_HEALTH_CONFIG, and a broken file is a 503 naming the field', async () => {
    const good = join(configDir, 'health.yaml');
    writeFileSync(good, 'rules:\n  - namespace: bookinfo\n    name: ratings\n    kind: services\n    thresholds:\n      http5xx: { degraded: 0.5, failure: 0.9 }\n');
    const lenient = await getList<InventoryList<ServiceItem>>('bookinfo', 'services', '', { MESHSCOPE_HEALTH_CONFIG: good });
    expect(byName(lenient.body.items, 'ratings')?.health).toMatchObject({ health: 'healthy', reasons: [] });

    const bad = join(configDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ thresholds: { http5xx: { failure: 10 } } }] }));
    const broken = await getList('bookinfo', 'services', '', { MESHSCOPE_HEALTH_CONFIG: bad });
    expect(broken.status).toBe(503);
    expect(errorOf(broken.body).message).toContain('rules[0].thresholds.http5xx.failure');
  });

  it('shows a workload with its pods, and 404s an unknown name or namespace', async () => {
    const { status, body } = await getDetails<InventoryDetails<WorkloadItem>>('bookinfo', 'workloads', 'ratings-v2');
    expect(status).toBe(200);
    expect(body.item).toMatchObject({ name: 'ratings-v2', serviceAccounts: ['bookinfo-ratings-v2'], services: ['ratings'] });
    expect(body.pods).toHaveLength(1);
    expect(body.pods[0]).toMatchObject({ phase: 'Running', ready: true, sidecar: true });
    expect(body.pods[0]?.name).toMatch(/^ratings-v2-/);

    const service = await getDetails<InventoryDetails<ServiceItem>>('bookinfo', 'services', 'reviews');
    expect(service.body.pods.map((p) => p.name.replace(/-[0-9a-f]+-[0-9a-f]+$/, ''))).toEqual(['reviews-v1', 'reviews-v2', 'reviews-v3']);

    const unknown = await getDetails('bookinfo', 'workloads', 'reviews-v9');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).message).toBe('workload "reviews-v9" not found in namespace "bookinfo"');
    const noNamespace = await getList('no-such-namespace', 'services');
    expect(noNamespace.status).toBe(404);
  });

  it('answers 400 naming the field for a bad namespace, kind or duration', async () => {
    const cases = await Promise.all([getList('Bad_NS', 'apps'), getList('bookinfo', 'pods'), getList('bookinfo', 'apps', 'duration=2d')]);
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400]);
    expect(cases.map((c) => errorOf(c.body).details?.field)).toEqual(['namespace', 'kind', 'duration']);
  });

  it('gives one overview card per namespace, with traffic, mTLS and sidecar counts', async () => {
    const { status, body } = await getOverview('namespaces=travel,bookinfo');
    expect(status).toBe(200);
    const [bookinfo, travel] = body.namespaces;
    expect(body.namespaces.map((n) => n.namespace)).toEqual(['bookinfo', 'travel']);
    expect(bookinfo).toMatchObject({ injection: 'enabled', sidecars: { injected: 8, total: 8 } });
    expect(Object.values(bookinfo?.workloads ?? {}).reduce((a, b) => a + b, 0)).toBe(8);
    expect(bookinfo?.inRps).toBeGreaterThan(10);
    expect(bookinfo?.mtlsShare).toBeGreaterThan(0);
    // discounts-v1 runs without a sidecar.
    expect(travel?.sidecars).toEqual({ injected: 3, total: 4 });
    expect(travel?.inRps).toBeGreaterThan(0);

    const all = await getOverview('');
    expect(all.body.namespaces.map((n) => n.namespace)).toEqual(expect.arrayContaining(['bookinfo', 'travel', 'istio-system', 'default']));
    expect((await getOverview('namespaces=nope')).status).toBe(404);
  });

  it('charts the sidecar CPU and memory of productpage-v1', async () => {
    const { status, body } = await getResources('bookinfo', 'productpage-v1', 'duration=10m&step=60');
    expect(status).toBe(200);
    expect(body.pods).toHaveLength(1);
    expect(body.step).toBe(60);
    const values = (s: ResourceMetric) => s.series.flatMap((x) => x.points.map(([, v]) => v)).filter((v): v is number => v !== null);
    expect(body.cpu.unit).toBe('cores');
    expect(values(body.cpu).length).toBeGreaterThan(0);
    expect(values(body.cpu).every((v) => v > 0)).toBe(true);
    expect(values(body.memory).length).toBeGreaterThan(0);
    expect(Math.min(...values(body.memory))).toBeGreaterThan(1024 * 1024);

    // discounts-v1 has no sidecar, so its pods have no istio-proxy usage to show.
    const discounts = await getResources('travel', 'discounts-v1', '');
    expect(discounts.status).toBe(200);
    expect(discounts.body.cpu.series).toEqual([]);
    expect((await getResources('bookinfo', 'nope', '')).status).toBe(404);
  });
});
