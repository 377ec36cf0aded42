import { CoreV1Api } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { kubernetesVersion, listNamespaces, loadKubeConfig } from './client';

// Runs against the lab's real kube-apiserver (scripts/test.ts sets KUBECONFIG to the lab's admin identity).
describe('Kubernetes client against the lab', () => {
  it('lists the namespaces the API server creates at start', async () => {
    const names = (await listNamespaces()).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['default', 'kube-system', 'kube-public']));
  });

  it('reads the API server version the lab pinned', async () => {
    expect(await kubernetesVersion()).toMatch(/^v1\.\d+\.\d+$/);
  });

  it('the viewer identity may read but not write', async () => {
    const viewer = loadKubeConfig({ source: 'kubeconfig', path: process.env.KUBECONFIG_VIEWER ?? '' }).makeApiClient(CoreV1Api);
    const list = await viewer.listNamespace();
    expect(list.items.length).toBeGreaterThan(0);
    await expect(viewer.createNamespace({ body: { metadata: { name: 'viewer-may-not' } } })).rejects.toMatchObject({ code: 403 });
  });
});
