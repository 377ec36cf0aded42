import { join } from 'node:path';
import { CoreV1Api, KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { CHECKS_NAMESPACE, checksNamespace } from '../lab/testing/broken-config';
import { applyObjects, readObjects } from '../lab/testing/lab-clients';
import type { ChangeRecord, TrafficApplyResult, TrafficEdit, TrafficModel } from './mesh/traffic/types';

// Drives the traffic pipeline through its routes against a service no lab traffic crosses: `canary` in the checks
// namespace, three Deployments that never run (the lab has no controller manager; the model reads their templates).

const NS = CHECKS_NAMESPACE;
const SERVICE = 'canary';
const params = { namespace: NS, name: SERVICE };
type Answer<T> = { status: number; body: T & { error?: { code: string; message: string; details?: { fields?: { field: string }[]; diff?: unknown[] } } } };

const deployment = (version: string): KubernetesObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `canary-${version}`, namespace: NS, labels: { app: SERVICE, version } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: SERVICE, version } },
      template: { metadata: { labels: { app: SERVICE, version } }, spec: { containers: [{ name: 'app', image: 'registry.invalid/canary:1' }] } },
    },
  }) as KubernetesObject;

const canary: KubernetesObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: SERVICE, namespace: NS }, spec: { selector: { app: SERVICE }, ports: [{ name: 'http', port: 9080 }] } } as KubernetesObject,
  ...['v1', 'v2', 'v3'].map(deployment),
];

function admin(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(process.env.KUBECONFIG_ADMIN ?? '');
  return kc;
}

const istio = (kind: 'VirtualService' | 'DestinationRule', name = SERVICE) => ({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name, namespace: NS } });

/** The object as stored, or undefined. */
async function stored(kind: 'VirtualService' | 'DestinationRule', name = SERVICE): Promise<(KubernetesObject & { spec?: unknown }) | undefined> {
  return KubernetesObjectApi.makeApiClient(admin())
    .read(istio(kind, name))
    .catch((err: { code?: number }) => {
      if (err.code === 404) return undefined;
      throw err;
    });
}

const trafficRoute = () => import('../app/api/namespaces/[namespace]/services/[name]/traffic/route');
const url = (path: string, dryRun = false) => `http://console.test${path}${dryRun ? '?dryRun=true' : ''}`;

async function answer<T>(res: Response): Promise<Answer<T>> {
  return { status: res.status, body: (await res.json()) as never };
}

async function getModel(): Promise<TrafficModel> {
  const { GET } = await trafficRoute();
  const res = await answer<TrafficModel>(await GET(new Request(url(`/api/namespaces/${NS}/services/${SERVICE}/traffic`)), { params: Promise.resolve(params) }));
  expect(res.status).toBe(200);
  return res.body;
}

async function put(edit: unknown, dryRun = false, headers: Record<string, string> = {}): Promise<Answer<TrafficApplyResult>> {
  const { PUT } = await trafficRoute();
  const request = new Request(url(`/api/namespaces/${NS}/services/${SERVICE}/traffic`, dryRun), {
    method: 'PUT',
    body: JSON.stringify(edit),
    headers: { 'content-type': 'application/json', ...headers },
  });
  return answer(await PUT(request, { params: Promise.resolve(params) }));
}

async function revert(id: string, dryRun = false): Promise<Answer<TrafficApplyResult>> {
  const { POST } = await import('../app/api/changes/[id]/revert/route');
  return answer(await POST(new Request(url(`/api/changes/${id}/revert`, dryRun), { method: 'POST' }), { params: Promise.resolve({ id }) }));
}

async function changes(): Promise<ChangeRecord[]> {
  const { GET } = await import('../app/api/changes/route');
  const res = await answer<ChangeRecord[]>(await GET(new Request(url(`/api/changes?namespace=${NS}&service=${SERVICE}`))));
  expect(res.status).toBe(200);
  return res.body;
}

const split = (model: TrafficModel, weights: [number, number, number]): TrafficEdit => ({
  routes: ['v1', 'v2', 'v3'].map((subset, i) => ({ subset, weight: weights[i] ?? 0 })),
  rules: [],
  ...(model.resourceVersion ? { resourceVersion: model.resourceVersion } : {}),
  ...(model.destinationRule ? { destinationRuleVersion: model.destinationRule.resourceVersion } : {}),
});

const content = (o: unknown) => {
  const raw = o as { spec?: unknown; metadata?: { labels?: unknown; annotations?: unknown } };
  return { spec: raw.spec, labels: raw.metadata?.labels ?? {}, annotations: raw.metadata?.annotations ?? {} };
};
const weightsOf = (model: TrafficModel) => model.routes.map((r) => `${r.subset} ${r.weight}`);

describe('the traffic-change pipeline through its routes', () => {
  let remove: () => Promise<void> = async () => {};
  const ids: string[] = [];

  beforeAll(async () => {
    await applyObjects(checksNamespace);
    // The change history lives in the console's namespace, as the deploy creates it; it stays afterwards.
    await applyObjects(readObjects(join(import.meta.dirname, '..', 'deploy', 'kubernetes', 'namespace.yaml'), ''));
    remove = await applyObjects(canary);
  });

  afterAll(async () => {
    const api = KubernetesObjectApi.makeApiClient(admin());
    for (const o of [istio('VirtualService'), istio('DestinationRule'), istio('VirtualService', 'canary-extra')]) await api.delete(o).catch(() => undefined);
    await remove();
    const core = admin().makeApiClient(CoreV1Api);
    for (const name of ids) await core.deleteNamespacedConfigMap({ name, namespace: 'meshscope' }).catch(() => undefined);
  });

  it('reads the model of a service without routing: no routes, one version per Deployment', async () => {
    const model = await getModel();
    expect(model.routes).toEqual([]);
    expect(model.virtualService).toBeUndefined();
    expect(model.versions.map((v) => v.version)).toEqual(['v1', 'v2', 'v3']);
    expect(model.unsupported).toEqual([]);
  });

  it('dry-runs a split: diffs for a new VirtualService and DestinationRule, nothing written', async () => {
    const { status, body } = await put(split(await getModel(), [0, 50, 50]), true);
    expect(status).toBe(200);
    expect(body.dryRun).toBe(true);
    expect(body.changes.map((c) => `${c.kind} ${c.action}`).sort()).toEqual(['DestinationRule create', 'VirtualService create']);
    const added = body.changes.flatMap((c) => c.diff.flatMap((h) => h.lines)).filter((l) => l.op === 'add').map((l) => l.text.trim());
    expect(added).toEqual(expect.arrayContaining(['subset: v3', 'weight: 50', 'version: v2']));
    expect(weightsOf(body.model)).toEqual(['v1 0', 'v2 50', 'v3 50']);
    expect(body.record).toBeUndefined();
    expect(await stored('VirtualService')).toBeUndefined();
    expect(await stored('DestinationRule')).toBeUndefined();
  });

  it('applies the split and records it in the cluster', async () => {
    const { status, body } = await put(split(await getModel(), [0, 50, 50]));
    expect(status).toBe(200);
    expect(body.warning).toBeUndefined();
    expect(body.record?.summary).toBe('canary: routes v1 0, v2 50, v3 50');
    expect(body.record?.objects.map((o) => `${o.kind} ${o.before === null} ${o.after === null}`).sort()).toEqual(['DestinationRule true false', 'VirtualService true false']);
    ids.push(body.record?.id ?? '');
    expect(weightsOf(await getModel())).toEqual(['v1 0', 'v2 50', 'v3 50']);
    expect(await stored('DestinationRule')).toBeDefined();
    const listed = await changes();
    expect(listed[0]).toEqual(body.record);
    const { GET } = await import('../app/api/changes/[id]/route');
    const one = await answer<ChangeRecord>(await GET(new Request(url(`/api/changes/${ids[0]}`)), { params: Promise.resolve({ id: ids[0] ?? '' }) }));
    expect(one.body).toEqual(body.record);
  });

  it('lets one of two edits made from the same read win; the other is a 409 and overwrites nothing', async () => {
    const read = await getModel();
    const [a, b] = await Promise.all([put(split(read, [0, 70, 30])), put(split(read, [0, 30, 70]))]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body.error?.message).toMatch(/changed by someone else/);
    ids.push(winner.body.record?.id ?? '');
    expect(weightsOf(await getModel())).toEqual(weightsOf(winner.body.model));
  });

  it('refuses weights that do not add up to 100 with 400 naming routes, writing nothing', async () => {
    const before = await stored('VirtualService');
    const { status, body } = await put(split(await getModel(), [0, 60, 30]));
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/^routes: /);
    expect(body.error?.details?.fields?.map((f) => f.field)).toContain('routes');
    expect((await stored('VirtualService'))?.metadata?.resourceVersion).toBe(before?.metadata?.resourceVersion);
  });

  it('refuses with 422 a service whose routing the form cannot represent, pointing to the YAML editor', async () => {
    const extra = { ...istio('VirtualService', 'canary-extra'), spec: { hosts: [SERVICE], tcp: [{ route: [{ destination: { host: SERVICE } }] }] } };
    const removeExtra = await applyObjects([extra]);
    try {
      const before = await stored('VirtualService');
      const { status, body } = await put(split(await getModel(), [0, 20, 80]));
      expect(status).toBe(422);
      expect(body.error?.message).toMatch(/YAML editor/);
      expect((await stored('VirtualService'))?.metadata?.resourceVersion).toBe(before?.metadata?.resourceVersion);
    } finally {
      await removeExtra();
    }
  });

  it('answers the viewer’s write with 403 in the API server’s words, and writes nothing', async () => {
    const before = await stored('VirtualService');
    const edit = split(await getModel(), [0, 10, 90]);
    const viewer = process.env.KUBE_VIEWER_TOKEN;
    if (!viewer) throw new Error('KUBE_VIEWER_TOKEN is not set (load .lab/env)');
    vi.resetModules();
    vi.stubEnv('MESHSCOPE_AUTH_STRATEGY', 'header');
    try {
      const refused = await put(edit, false, { 'X-Forwarded-Access-Token': viewer });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.message).toMatch(/forbidden/i);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    expect((await stored('VirtualService'))?.metadata?.resourceVersion).toBe(before?.metadata?.resourceVersion);
  });

  it('refuses to revert a change whose objects were changed since (409), then reverts changes newest first, exactly', async () => {
    const [first, second] = ids;
    const blocked = await revert(first ?? '');
    expect(blocked.status).toBe(409);
    expect(blocked.body.error?.message).toMatch(/VirtualService meshscope-checks\/canary was changed after it/);

    const secondRecord = (await changes()).find((c) => c.id === second);
    const dry = await revert(second ?? '', true);
    expect(dry.status).toBe(200);
    expect(dry.body.record).toBeUndefined();
    const undone = await revert(second ?? '');
    expect(undone.status).toBe(200);
    expect(undone.body.record?.reverts).toBe(second);
    ids.push(undone.body.record?.id ?? '');
    for (const o of secondRecord?.objects ?? []) expect(content(await stored(o.kind, o.name))).toEqual(content(parse(o.before ?? '')));
    expect(weightsOf(await getModel())).toEqual(['v1 0', 'v2 50', 'v3 50']);

    // A dry run of a delete must leave the objects in place (a DELETE takes its dryRun from the body only).
    const checked = await revert(first ?? '', true);
    expect(checked.status).toBe(200);
    expect(checked.body.changes.map((c) => c.action)).toEqual(['delete', 'delete']);
    expect(await stored('VirtualService')).toBeDefined();
    expect(await stored('DestinationRule')).toBeDefined();

    const back = await revert(first ?? '');
    expect(back.status).toBe(200);
    expect(back.body.changes.map((c) => `${c.kind} ${c.action}`).sort()).toEqual(['DestinationRule delete', 'VirtualService delete']);
    ids.push(back.body.record?.id ?? '');
    expect(await stored('VirtualService')).toBeUndefined();
    expect(await stored('DestinationRule')).toBeUndefined();
    expect((await getModel()).routes).toEqual([]);
  });
});
