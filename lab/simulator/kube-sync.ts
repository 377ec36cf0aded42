import { AppsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, type V1ObjectMeta, type V1OwnerReference } from '@kubernetes/client-node';
import type { MeshObjects, PlainObject, WorkloadObjects } from './kube-objects';

function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 409;
}

/** Creates an object, or reads the existing one when it is already there (a restarted simulator). */
async function ensure<T>(create: () => Promise<T>, read: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (isConflict(err)) return read();
    throw err;
  }
}

function ownerRef(kind: string, meta: V1ObjectMeta | undefined): V1OwnerReference {
  return { apiVersion: 'apps/v1', kind, name: meta?.name ?? '', uid: meta?.uid ?? '', controller: true, blockOwnerDeletion: true };
}

async function syncWorkload(core: CoreV1Api, apps: AppsV1Api, w: WorkloadObjects): Promise<void> {
  const namespace = w.deployment.metadata?.namespace ?? '';
  await ensure(
    () => core.createNamespacedServiceAccount({ namespace, body: w.serviceAccount }),
    () => core.readNamespacedServiceAccount({ namespace, name: w.serviceAccount.metadata?.name ?? '' }),
  );
  const name = w.deployment.metadata?.name ?? '';
  const deployment = await ensure(
    () => apps.createNamespacedDeployment({ namespace, body: w.deployment }),
    () => apps.readNamespacedDeployment({ namespace, name }),
  );
  // Status is ignored on create; without controllers the simulator reports the rollout itself.
  await apps.replaceNamespacedDeploymentStatus({ namespace, name, body: { ...deployment, status: w.deployment.status } });

  const rsName = w.replicaSet.metadata?.name ?? '';
  const rsBody = { ...w.replicaSet, metadata: { ...w.replicaSet.metadata, ownerReferences: [ownerRef('Deployment', deployment.metadata)] } };
  const replicaSet = await ensure(
    () => apps.createNamespacedReplicaSet({ namespace, body: rsBody }),
    () => apps.readNamespacedReplicaSet({ namespace, name: rsName }),
  );
  await apps.replaceNamespacedReplicaSetStatus({ namespace, name: rsName, body: { ...replicaSet, status: w.replicaSet.status } });

  for (const pod of w.pods) {
    const podName = pod.metadata?.name ?? '';
    const body = { ...pod, metadata: { ...pod.metadata, ownerReferences: [ownerRef('ReplicaSet', replicaSet.metadata)] } };
    const created = await ensure(
      () => core.createNamespacedPod({ namespace, body }),
      () => core.readNamespacedPod({ namespace, name: podName }),
    );
    const status = { ...pod.status, startTime: new Date(), conditions: pod.status?.conditions?.map((c) => ({ ...c, lastTransitionTime: new Date() })) };
    await core.replaceNamespacedPodStatus({ namespace, name: podName, body: { ...created, status } });
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** Creates the scenario's namespaces, services and workloads in the API server, with their status. */
export async function syncMeshObjects(kc: KubeConfig, objects: MeshObjects): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  for (const ns of objects.namespaces) {
    await ensure(() => core.createNamespace({ body: ns }), () => core.readNamespace({ name: ns.metadata?.name ?? '' }));
  }
  await inParallel(objects.services, 8, async (svc) => {
    const namespace = svc.metadata?.namespace ?? '';
    await ensure(
      () => core.createNamespacedService({ namespace, body: svc }),
      () => core.readNamespacedService({ namespace, name: svc.metadata?.name ?? '' }),
    );
  });
  await inParallel(objects.workloads, 8, (w) => syncWorkload(core, apps, w));
}

/** Creates Istio config the scenario starts with; objects that already exist are left as the user made them. */
export async function syncIstioConfig(kc: KubeConfig, objects: PlainObject[]): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  for (const obj of objects) {
    try {
      await api.create(obj);
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}
