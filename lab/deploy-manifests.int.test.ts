// The lab's real API server accepts every object in deploy/kubernetes (server-side apply, dry run: validation,
// defaulting and admission, nothing stored), keeps every field we wrote, and its RBAC authorizer grants the
// console's service account exactly what the roles promise.
import { AuthorizationV1Api, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifests, type Manifest } from '../deploy/manifests';
import { eventually } from './testing/lab-clients';

const FIELD_MANAGER = 'meshscope-deploy-test';
const SERVICE_ACCOUNT = { namespace: 'meshscope', name: 'meshscope' };
const manifests = readManifests();
const namespace = manifests.find((m) => m.object.kind === 'Namespace');
const namespaced = manifests.filter((m) => m.object.kind !== 'Namespace');

function adminConfig(): KubeConfig {
  const path = process.env.KUBECONFIG_ADMIN;
  if (!path) throw new Error('KUBECONFIG_ADMIN is not set: run the integration tests through npm test, or export .lab/env');
  const kc = new KubeConfig();
  kc.loadFromFile(path);
  return kc;
}

const kc = adminConfig();
const objects = KubernetesObjectApi.makeApiClient(kc);
const authorization = kc.makeApiClient(AuthorizationV1Api);

/** `kubectl apply --server-side --dry-run=server`: what the server makes of the object, without storing it. */
function dryRunApply(object: KubernetesObject): Promise<KubernetesObject> {
  return objects.patch(object, undefined, 'All', FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
}

/** Paths of `expected` that `actual` lacks or holds differently: a field the server dropped, such as a misspelt one. */
function droppedFields(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [path];
    return expected.flatMap((item, i) => droppedFields(item, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return [path];
    return Object.entries(expected).flatMap(([key, value]) => droppedFields(value, (actual as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return expected === actual ? [] : [path];
}

/** What a stored object reads like: a Secret's stringData comes back base64-encoded in data. */
function asStored(object: Manifest['object']): Record<string, unknown> {
  if (object.kind !== 'Secret' || !object.stringData) return object;
  const { stringData, ...rest } = object;
  const data = Object.fromEntries(Object.entries(stringData as Record<string, string>).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return { ...rest, data };
}

async function httpCode(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return (err as { code?: number }).code;
  }
}

describe('deploy/kubernetes against the lab API server', () => {
  it('has the Namespace, and the server accepts it', async () => {
    expect(namespace?.object.metadata?.name).toBe(SERVICE_ACCOUNT.namespace);
    const result = await dryRunApply(namespace!.object);
    expect(droppedFields(namespace!.object, result)).toEqual([]);
  });

  describe('every other object', () => {
    beforeAll(async () => {
      // A dry run stores nothing, so the namespaced objects need the namespace for real. It stays: the lab runs no
      // namespace controller, so a deleted namespace would hang in Terminating.
      const code = await httpCode(objects.create(namespace!.object));
      if (code !== undefined && code !== 409) throw new Error(`creating namespace meshscope failed with HTTP ${code}`);
    });

    it.each(namespaced.map((m) => [`${m.file}: ${m.object.kind} ${m.object.metadata?.name}`, m] as const))('%s is accepted with every field kept', async (_, m) => {
      const result = await dryRunApply(m.object);
      expect(result.metadata?.uid ?? result.metadata?.name).toBeTruthy();
      expect(droppedFields(asStored(m.object), result)).toEqual([]);
    });

    it('stores nothing: the dry-run Deployment is not there', async () => {
      const deployment = namespaced.find((m) => m.object.kind === 'Deployment')!.object;
      expect(await httpCode(objects.read({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: deployment.metadata!.name!, namespace: 'meshscope' } }))).toBe(404);
    });
  });
});

describe('what the roles let the console service account do', () => {
  const user = `system:serviceaccount:${SERVICE_ACCOUNT.namespace}:${SERVICE_ACCOUNT.name}`;
  const groups = ['system:serviceaccounts', `system:serviceaccounts:${SERVICE_ACCOUNT.namespace}`, 'system:authenticated'];
  const rbac = manifests.filter((m) => /^(Cluster)?Role(Binding)?$/.test(m.object.kind ?? ''));
  const editorBindings = rbac.filter((m) => m.file.startsWith('istio-editor/'));
  const baseRbac = rbac.filter((m) => !editorBindings.includes(m));
  const created: KubernetesObject[] = [];

  type Check = [verb: string, group: string, resource: string, namespace: string];
  const allowed = async ([verb, group, resource, ns]: Check) =>
    (await authorization.createSubjectAccessReview({ body: { spec: { user, groups, resourceAttributes: { verb, group, resource, namespace: ns } } } })).status?.allowed ?? false;

  // Each request, and whether it is allowed with the base alone and with the istio-editor bindings added.
  const CHECKS: [Check, base: boolean, editor: boolean][] = [
    [['list', '', 'pods', ''], true, true],
    [['watch', 'apps', 'deployments', 'bookinfo'], true, true],
    [['list', 'networking.istio.io', 'virtualservices', ''], true, true],
    [['get', 'security.istio.io', 'peerauthentications', 'istio-system'], true, true],
    [['create', 'authorization.k8s.io', 'selfsubjectaccessreviews', ''], true, true],
    [['patch', 'networking.istio.io', 'virtualservices', 'bookinfo'], false, true],
    [['create', 'networking.istio.io', 'destinationrules', 'bookinfo'], false, true],
    [['create', '', 'configmaps', 'meshscope'], false, true],
    [['get', '', 'secrets', 'meshscope'], false, false],
    [['create', '', 'configmaps', 'bookinfo'], false, false],
    [['patch', 'security.istio.io', 'peerauthentications', 'bookinfo'], false, false],
    [['delete', 'networking.istio.io', 'gateways', 'bookinfo'], false, false],
    [['patch', 'apps', 'deployments', 'bookinfo'], false, false],
  ];

  /** The checks the authorizer answers otherwise than expected; RBAC changes take a moment to reach it. */
  async function wrongDecisions(withEditor: boolean): Promise<string[]> {
    const probe = async () => {
      const answers = await Promise.all(CHECKS.map(([check]) => allowed(check)));
      return CHECKS.filter(([, base, editor], i) => answers[i] !== (withEditor ? editor : base)).map(([check]) => check.join(' '));
    };
    return eventually(probe, (wrong) => wrong.length === 0, 15_000, 500).catch(() => probe());
  }

  async function install(list: Manifest[]): Promise<void> {
    for (const { object } of list) {
      await objects.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
      created.push(object);
    }
  }

  beforeAll(async () => {
    // SubjectAccessReview asks the authorizer about stored roles, so these are stored for the test and removed after.
    await install(baseRbac);
  });

  afterAll(async () => {
    for (const object of created.reverse()) await objects.delete(object).catch(() => undefined);
  });

  it('the base grants reading, and no edit', async () => {
    expect(await wrongDecisions(false)).toEqual([]);
  });

  it('the optional istio-editor bindings add traffic edits and the change history, nothing else', async () => {
    await install(editorBindings);
    expect(await wrongDecisions(true)).toEqual([]);
  });
});
