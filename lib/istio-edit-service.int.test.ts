import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { CHECKS_NAMESPACE, checksNamespace, ghostRule } from '../lab/testing/broken-config';
import { applyObjects } from '../lab/testing/lab-clients';
import type { IstioConfigDetails, IstioUpdateResult } from './mesh/istio/api-types';

// Edits a DestinationRule in the namespace no traffic crosses, through the route a browser uses.

const path = { namespace: CHECKS_NAMESPACE, kind: 'DestinationRule', name: 'ghost' };

async function read(): Promise<IstioConfigDetails> {
  const { GET } = await import('../app/api/istio/[namespace]/[kind]/[name]/route');
  const res = await GET(new Request(`http://console.test/api/istio/${CHECKS_NAMESPACE}/DestinationRule/ghost`), { params: Promise.resolve(path) });
  return (await res.json()) as IstioConfigDetails;
}

async function put(yaml: string, dryRun: boolean, headers: Record<string, string> = {}): Promise<{ status: number; body: IstioUpdateResult & { error?: { code: string; message: string; details?: { diff?: unknown[] } } } }> {
  const { PUT } = await import('../app/api/istio/[namespace]/[kind]/[name]/route');
  const url = `http://console.test/api/istio/${CHECKS_NAMESPACE}/DestinationRule/ghost${dryRun ? '?dryRun=true' : ''}`;
  const res = await PUT(new Request(url, { method: 'PUT', body: JSON.stringify({ yaml }), headers: { 'content-type': 'application/json', ...headers } }), { params: Promise.resolve(path) });
  return { status: res.status, body: (await res.json()) as never };
}

const withSubsets = (object: { spec?: unknown }, names: string[]) =>
  stringify({ ...object, spec: { ...(object.spec as object), subsets: names.map((n) => ({ name: n, labels: { version: n } })) } });

describe('editing an Istio object through the API', () => {
  let remove: () => Promise<void> = async () => {};
  beforeAll(async () => {
    await applyObjects(checksNamespace);
    remove = await applyObjects([ghostRule]);
  });
  afterAll(() => remove());

  it('dry-runs: shows the diff and writes nothing', async () => {
    const before = await read();
    const { status, body } = await put(withSubsets(before.object, ['v1', 'v2']), true);
    expect(status).toBe(200);
    expect(body.dryRun).toBe(true);
    const added = body.diff.flatMap((h) => h.lines).filter((l) => l.op === 'add').map((l) => l.text.trim());
    expect(added).toEqual(expect.arrayContaining(['name: v2', 'version: v2']));
    const after = await read();
    expect(after.object.metadata.resourceVersion).toBe(before.object.metadata.resourceVersion);
    expect(after.yaml).not.toContain('v2');
  });

  it('applies, then refuses a stale edit with 409 and the new diff, overwriting nothing', async () => {
    const first = await read();
    const applied = await put(withSubsets(first.object, ['v1', 'v2']), false);
    expect(applied.status).toBe(200);
    const stored = await read();
    expect(stored.object.metadata.resourceVersion).not.toBe(first.object.metadata.resourceVersion);
    expect(stored.yaml).toContain('name: v2');

    // A second editor still holds the first version and removes v1.
    const stale = await put(withSubsets(first.object, ['v3']), false);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toMatch(/changed by someone else/);
    expect(stale.body.error?.details?.diff?.length).toBeGreaterThan(0);
    const still = await read();
    expect(still.object.metadata.resourceVersion).toBe(stored.object.metadata.resourceVersion);
    expect(still.yaml).toContain('name: v2');
    expect(still.yaml).not.toContain('v3');
  });

  it('refuses bad input with 400 naming the field, and what the API server refuses with 422 in its words', async () => {
    const current = await read();
    const renamed = await put(stringify({ ...current.object, metadata: { ...current.object.metadata, name: 'other' } }), true);
    expect(renamed.status).toBe(400);
    expect(renamed.body.error?.message).toMatch(/^metadata\.name: /);
    const broken = await put(stringify({ ...current.object, spec: { ...current.object.spec, trafficPolicy: { tls: { mode: 'SOMETIMES' } } } }), true);
    expect(broken.status).toBe(422);
    expect(broken.body.error?.message).toMatch(/^The Kubernetes API server refused the dry run: /);
    expect(broken.body.error?.message).toContain('SOMETIMES');
  });

  it('answers the viewer’s write with 403 in the API server’s words, and writes nothing', async () => {
    const before = await read();
    const viewer = process.env.KUBE_VIEWER_TOKEN;
    if (!viewer) throw new Error('KUBE_VIEWER_TOKEN is not set (load .lab/env)');
    // The header strategy: the viewer's token arrives as an authenticating proxy would forward it.
    vi.resetModules();
    vi.stubEnv('MESHSCOPE_AUTH_STRATEGY', 'header');
    try {
      const refused = await put(withSubsets(before.object, ['v1', 'v7']), false, { 'X-Forwarded-Access-Token': viewer });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.message).toMatch(/forbidden/i);
      expect(refused.body.error?.message).toContain('destinationrules');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    const after = await read();
    expect(after.object.metadata.resourceVersion).toBe(before.object.metadata.resourceVersion);
    expect(after.yaml).not.toContain('v7');
  });
});
