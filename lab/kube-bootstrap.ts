import { istioCrds } from './istio-crds';
import { say } from './log';
import { httpsRequest } from './probes';

const VIEWER_ROLE = 'meshscope-viewer';

/** Where and as whom the bootstrap talks to the API server. */
export interface KubeAccess {
  url: string;
  caFile: string;
  token: string;
}

// Raw JSON on purpose: a typed client would re-serialize CRD schemas through its models and drop the
// `x-kubernetes-*` keys it does not know under those names.
async function kube(access: KubeAccess, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await httpsRequest(`${access.url}${path}`, access, method, body);
  if (res.status >= 300 && !(method === 'POST' && res.status === 409)) {
    throw new Error(`${method} ${path} answered ${res.status}: ${res.body.slice(0, 1000)}`);
  }
  return JSON.parse(res.body) as unknown;
}

/** Read-only access to everything for the viewer identity's group. */
async function grantViewer(access: KubeAccess, viewerGroup: string): Promise<void> {
  const rbac = '/apis/rbac.authorization.k8s.io/v1';
  await kube(access, 'POST', `${rbac}/clusterroles`, {
    metadata: { name: VIEWER_ROLE },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] }],
  });
  await kube(access, 'POST', `${rbac}/clusterrolebindings`, {
    metadata: { name: VIEWER_ROLE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: VIEWER_ROLE },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: viewerGroup }],
  });
}

function established(crd: unknown): boolean {
  const conditions = (crd as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? [];
  return conditions.some((c) => c.type === 'Established' && c.status === 'True');
}

async function waitEstablished(access: KubeAccess, names: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = names;
  while (pending.length > 0) {
    const crds = await Promise.all(pending.map((n) => kube(access, 'GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${n}`)));
    pending = pending.filter((_, i) => !established(crds[i]));
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Istio CRDs not established in time: ${pending.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Installs the Istio CRDs (with schemas) and the viewer's RBAC into a fresh API server. */
export async function bootstrapKube(access: KubeAccess, viewerGroup: string): Promise<{ crdSource: string; crdCount: number }> {
  await grantViewer(access, viewerGroup);
  const { source, crds } = istioCrds();
  say(`installing ${crds.length} Istio CRDs from ${source}`);
  for (const crd of crds) await kube(access, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
  await waitEstablished(access, crds.map((c) => c.metadata.name), 60_000);
  return { crdSource: source, crdCount: crds.length };
}
