import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenVirtualService, CHECKS_NAMESPACE, checksNamespace, ghostRule } from '../lab/testing/broken-config';
import { applyObjects } from '../lab/testing/lab-clients';
import type { IstioConfigDetails, IstioConfigList } from './mesh/istio/api-types';

type Result<T> = { status: number; body: T };

async function getList(query: string): Promise<Result<IstioConfigList>> {
  const { GET } = await import('../app/api/istio/route');
  const res = await GET(new Request(`http://console.test/api/istio?${query}`));
  return { status: res.status, body: (await res.json()) as IstioConfigList };
}

async function getObject(namespace: string, kind: string, name: string): Promise<Result<IstioConfigDetails>> {
  const { GET } = await import('../app/api/istio/[namespace]/[kind]/[name]/route');
  const res = await GET(new Request(`http://console.test/api/istio/${namespace}/${kind}/${name}`), { params: Promise.resolve({ namespace, kind, name }) });
  return { status: res.status, body: (await res.json()) as IstioConfigDetails };
}

describe('Istio config API against the lab', () => {
  let remove: () => Promise<void> = async () => {};
  beforeAll(async () => {
    await applyObjects(checksNamespace);
    remove = await applyObjects([brokenVirtualService, ghostRule]);
  });
  afterAll(() => remove());

  it('lists the namespace objects with the broken VirtualService’s findings and paths', async () => {
    const { status, body } = await getList(`namespace=${CHECKS_NAMESPACE}`);
    expect(status).toBe(200);
    expect(body.items.map((i) => `${i.kind}/${i.name}`)).toEqual(['DestinationRule/ghost', 'VirtualService/broken-routes']);
    const vs = body.items.find((i) => i.kind === 'VirtualService');
    expect(vs?.valid).toBe(false);
    const found = (vs?.findings ?? []).map((f) => `${f.code} @ ${f.path}`).sort();
    expect(found).toEqual(
      expect.arrayContaining([
        'vs.gateway-not-found @ spec.gateways[0]',
        'vs.subset-not-found @ spec.http[0].route[1].destination.subset',
        'vs.weights-not-100 @ spec.http[0].route',
      ]),
    );
    expect(found.some((f) => f.startsWith('vs.host-not-found'))).toBe(true);
    // v1 is defined by the rule, so only v9 is reported.
    expect(found.filter((f) => f.startsWith('vs.subset-not-found'))).toHaveLength(1);
  });

  it('filters by kind and finds the bookinfo namespace clean of errors', async () => {
    const { body } = await getList(`namespace=${CHECKS_NAMESPACE}&kind=destinationrules`);
    expect(body.items.map((i) => i.name)).toEqual(['ghost']);
    const bookinfo = await getList('namespace=bookinfo');
    expect(bookinfo.status).toBe(200);
    expect(bookinfo.body.items.filter((i) => !i.valid)).toEqual([]);
  });

  it('shows one object with its YAML, validation and references', async () => {
    const { status, body } = await getObject(CHECKS_NAMESPACE, 'VirtualService', 'broken-routes');
    expect(status).toBe(200);
    expect(body.yaml).toContain('name: broken-routes');
    expect(body.yaml).not.toContain('managedFields');
    expect(body.object.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(body.item.valid).toBe(false);
    expect(body.references.objects).toEqual([{ kind: 'DestinationRule', namespace: CHECKS_NAMESPACE, name: 'ghost' }]);
    expect(body.references.services).toEqual([]);
  });

  it('answers 404 for an unknown namespace or object and 400 naming a bad kind', async () => {
    expect((await getList('namespace=no-such-namespace')).status).toBe(404);
    expect((await getObject(CHECKS_NAMESPACE, 'VirtualService', 'nothing-here')).status).toBe(404);
    const bad = await getObject(CHECKS_NAMESPACE, 'Deployment', 'x');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
  });
});
