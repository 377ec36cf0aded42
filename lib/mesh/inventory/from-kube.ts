// Maps the typed Kubernetes client's objects onto the inventory's own (objects.ts). Pure: type imports only.

import type {
  V1DaemonSet,
  V1Deployment,
  V1ObjectMeta,
  V1Pod,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { ControllerObject, KubeMeta, PodObject, ServiceObject } from './objects';

/** The inventory's metadata of an object; `namespace` fills in when the object's own is absent. */
export function metaOf(meta: V1ObjectMeta | undefined, namespace: string): KubeMeta {
  const created = meta?.creationTimestamp;
  return {
    namespace: meta?.namespace ?? namespace,
    name: meta?.name ?? '',
    labels: meta?.labels ?? {},
    annotations: meta?.annotations ?? {},
    owners: (meta?.ownerReferences ?? []).map((o) => ({ kind: o.kind, name: o.name, controller: o.controller === true })),
    // The client turns the timestamp into a Date; anything else (a hand-built object) is left out rather than guessed.
    ...(created instanceof Date && !Number.isNaN(created.getTime()) ? { createdAt: created.toISOString() } : {}),
  };
}

function template(t: V1PodTemplateSpec | undefined): Pick<ControllerObject, 'templateLabels' | 'templateAnnotations' | 'templateContainers' | 'serviceAccount'> {
  const spec = t?.spec;
  return {
    templateLabels: t?.metadata?.labels ?? {},
    templateAnnotations: t?.metadata?.annotations ?? {},
    templateContainers: [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name),
    ...(spec?.serviceAccountName ? { serviceAccount: spec.serviceAccountName } : {}),
  };
}

/** A Deployment as a controller; Kubernetes defaults `spec.replicas` to 1. */
export function fromDeployment(d: V1Deployment, namespace: string): ControllerObject {
  return {
    kind: 'Deployment',
    meta: metaOf(d.metadata, namespace),
    ...template(d.spec?.template),
    replicas: { desired: d.spec?.replicas ?? 1, ready: d.status?.readyReplicas ?? 0, available: d.status?.availableReplicas ?? 0 },
  };
}

/** A StatefulSet as a controller; clusters older than 1.22 do not report available replicas, so ready stands in. */
export function fromStatefulSet(s: V1StatefulSet, namespace: string): ControllerObject {
  const ready = s.status?.readyReplicas ?? 0;
  return {
    kind: 'StatefulSet',
    meta: metaOf(s.metadata, namespace),
    ...template(s.spec?.template),
    replicas: { desired: s.spec?.replicas ?? 1, ready, available: s.status?.availableReplicas ?? ready },
  };
}

/** A DaemonSet as a controller: one desired pod per eligible node. */
export function fromDaemonSet(d: V1DaemonSet, namespace: string): ControllerObject {
  const ready = d.status?.numberReady ?? 0;
  return {
    kind: 'DaemonSet',
    meta: metaOf(d.metadata, namespace),
    ...template(d.spec?.template),
    replicas: { desired: d.status?.desiredNumberScheduled ?? 0, ready, available: d.status?.numberAvailable ?? ready },
  };
}

/** A ReplicaSet as a controller (workloads.ts folds it into its Deployment when it has one). */
export function fromReplicaSet(r: V1ReplicaSet, namespace: string): ControllerObject {
  return {
    kind: 'ReplicaSet',
    meta: metaOf(r.metadata, namespace),
    ...template(r.spec?.template),
    replicas: { desired: r.spec?.replicas ?? 1, ready: r.status?.readyReplicas ?? 0, available: r.status?.availableReplicas ?? 0 },
  };
}

/** A pod with its phase, readiness and container names. */
export function fromPod(p: V1Pod, namespace: string): PodObject {
  const spec = p.spec;
  return {
    meta: metaOf(p.metadata, namespace),
    phase: p.status?.phase ?? 'Unknown',
    ready: (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    containers: [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name),
    ...(spec?.serviceAccountName ? { serviceAccount: spec.serviceAccountName } : {}),
  };
}

/** A Service with its type, selector and ports. */
export function fromService(s: V1Service, namespace: string): ServiceObject {
  return {
    meta: metaOf(s.metadata, namespace),
    type: s.spec?.type ?? 'ClusterIP',
    selector: s.spec?.selector ?? {},
    ports: (s.spec?.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.port,
      protocol: p.protocol ?? 'TCP',
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
      ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
    })),
  };
}
