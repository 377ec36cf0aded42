import 'server-only';
import { AppsV1Api, CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { AppError, UpstreamError } from '../errors';
import { fromDaemonSet, fromDeployment, fromPod, fromReplicaSet, fromService, fromStatefulSet } from '../mesh/inventory/from-kube';
import { ISTIO_RESOURCES, parseIstioList } from '../mesh/inventory/istio-parse';
import type { ControllerObject, IstioObject, NamespaceObjects, PodObject, ServiceObject } from '../mesh/inventory/objects';
import type { IstioRef } from '../mesh/inventory/types';
import { statusOf, unlessNotFound, withKube } from './client';

/** The workload-side objects of one namespace or of all of them (each object carries its namespace). */
export interface WorkloadObjects {
  controllers: ControllerObject[];
  pods: PodObject[];
  services: ServiceObject[];
}

/** Which namespaces to read: one, or every namespace in one cluster-wide list per kind. */
export type Scope = { namespace: string } | 'all';

type CallOptions = Parameters<Parameters<typeof withKube>[0]>[1];

/** A namespace's labels; undefined when there is no such namespace. */
export async function readNamespaceLabels(namespace: string): Promise<Record<string, string> | undefined> {
  const ns = await withKube((kc, options) => unlessNotFound(() => kc.makeApiClient(CoreV1Api).readNamespace({ name: namespace }, options)));
  return ns ? (ns.metadata?.labels ?? {}) : undefined;
}

/** Deployments, StatefulSets, DaemonSets, ReplicaSets, Pods and Services of the scope, listed concurrently. */
export async function readWorkloadObjects(scope: Scope): Promise<WorkloadObjects> {
  const ns = scope === 'all' ? undefined : scope.namespace;
  const apps = <T>(call: (api: AppsV1Api, options: CallOptions) => Promise<T>) =>
    withKube((kc, options) => call(kc.makeApiClient(AppsV1Api), options));
  const core = <T>(call: (api: CoreV1Api, options: CallOptions) => Promise<T>) =>
    withKube((kc, options) => call(kc.makeApiClient(CoreV1Api), options));
  const [deployments, statefulSets, daemonSets, replicaSets, pods, services] = await Promise.all([
    apps((api, o) => (ns ? api.listNamespacedDeployment({ namespace: ns }, o) : api.listDeploymentForAllNamespaces({}, o))),
    apps((api, o) => (ns ? api.listNamespacedStatefulSet({ namespace: ns }, o) : api.listStatefulSetForAllNamespaces({}, o))),
    apps((api, o) => (ns ? api.listNamespacedDaemonSet({ namespace: ns }, o) : api.listDaemonSetForAllNamespaces({}, o))),
    apps((api, o) => (ns ? api.listNamespacedReplicaSet({ namespace: ns }, o) : api.listReplicaSetForAllNamespaces({}, o))),
    core((api, o) => (ns ? api.listNamespacedPod({ namespace: ns }, o) : api.listPodForAllNamespaces({}, o))),
    core((api, o) => (ns ? api.listNamespacedService({ namespace: ns }, o) : api.listServiceForAllNamespaces({}, o))),
  ]);
  const home = ns ?? '';
  return {
    controllers: [
      ...deployments.items.map((d) => fromDeployment(d, home)),
      ...statefulSets.items.map((s) => fromStatefulSet(s, home)),
      ...daemonSets.items.map((d) => fromDaemonSet(d, home)),
      ...replicaSets.items.map((r) => fromReplicaSet(r, home)),
    ],
    pods: pods.items.map((p) => fromPod(p, home)),
    services: services.items.map((s) => fromService(s, home)),
  };
}

/**
 * One Istio kind, in a namespace or cluster-wide. Cluster-wide, an identity allowed to read only some namespaces
 * (403) gets the `fallback` namespace's objects instead of an error.
 */
async function listIstio(kind: IstioRef['kind'], where: { namespace: string } | { fallback: string }): Promise<IstioObject[]> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  const raw = await withKube((kc, options) =>
    unlessNotFound(async (): Promise<unknown> => {
      const api = kc.makeApiClient(CustomObjectsApi);
      const inNamespace = (namespace: string) => api.listNamespacedCustomObject({ group, version, namespace, plural }, options);
      if ('namespace' in where) return inNamespace(where.namespace);
      try {
        return await api.listClusterCustomObject({ group, version, plural }, options);
      } catch (err) {
        if (statusOf(err) === 403) return inNamespace(where.fallback);
        throw err;
      }
    }),
  );
  // No such resource on this server: Istio (or this kind of it) is not installed, so nothing applies.
  if (raw === undefined) return [];
  const parsed = parseIstioList(kind, raw, 'namespace' in where ? where.namespace : undefined);
  if (!parsed) throw new UpstreamError('kubernetes', 'upstream_unavailable', `unexpected ${plural}.${group} list`);
  return parsed;
}

/** The Istio objects that may apply to a namespace's services and workloads, listed concurrently. */
export async function readIstioObjects(namespace: string): Promise<IstioObject[]> {
  const kinds = Object.keys(ISTIO_RESOURCES) as IstioRef['kind'][];
  // A Gateway selects gateway pods in every namespace, so the ones that apply here may live anywhere.
  const lists = await Promise.all(kinds.map((k) => listIstio(k, k === 'Gateway' ? { fallback: namespace } : { namespace })));
  return lists.flat();
}

/** Everything the inventory of one namespace is built from; 404 when the namespace does not exist. */
export async function readNamespaceObjects(namespace: string): Promise<NamespaceObjects> {
  const [labels, workloads, istio] = await Promise.all([
    readNamespaceLabels(namespace),
    readWorkloadObjects({ namespace }),
    readIstioObjects(namespace),
  ]);
  if (labels === undefined) throw new AppError('not_found', `namespace "${namespace}" not found`);
  return { namespace, labels, ...workloads, istio };
}
