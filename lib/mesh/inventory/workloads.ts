// Workloads from controllers and pods: who owns each pod, how many replicas run, whether they carry the Istio
// sidecar. Pure.

import type { ControllerObject, KubeMeta, NamespaceObjects, OwnerRef, PodObject, Replicas } from './objects';
import type { NamespaceOverview, SidecarStatus } from './types';

/** A workload as the inventory sees it: the top controller of a set of pods, or a pod on its own. */
export interface Workload {
  namespace: string;
  name: string;
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, or the kind of an owner not listed (Job, Rollout…). */
  controller: string;
  /** The pod template's labels (for a group seen only through its pods: the first pod's, minus per-pod labels). */
  labels: Record<string, string>;
  replicas: Replicas;
  pods: PodObject[];
  serviceAccounts: string[];
  sidecar: SidecarStatus;
}

const SIDECAR_STATUS = 'sidecar.istio.io/status';
const PROXY_CONTAINER = 'istio-proxy';
const INJECT = 'sidecar.istio.io/inject';

// Labels Kubernetes puts on single pods or single controller revisions: they say nothing about the workload.
const PER_POD_LABELS = [
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
];

/**
 * Whether a pod runs the Istio proxy: the injector's `sidecar.istio.io/status` annotation, or a container (or a
 * native-sidecar init container) named `istio-proxy` — gateways and hand-injected pods have only the latter.
 */
export function hasSidecar(pod: Pick<PodObject, 'meta' | 'containers'>): boolean {
  return SIDECAR_STATUS in pod.meta.annotations || pod.containers.includes(PROXY_CONTAINER);
}

/** Injected when every item is, missing when none is (or there are none), partial otherwise. */
export function combineSidecar(states: readonly (SidecarStatus | boolean)[]): SidecarStatus {
  const injected = states.filter((s) => s === true || s === 'injected').length;
  const missing = states.filter((s) => s === false || s === 'missing').length;
  if (states.length > 0 && injected === states.length) return 'injected';
  if (missing === states.length) return 'missing';
  return 'partial';
}

/** A namespace's sidecar-injection setting; `istio-injection` takes precedence over a revision label, as in Istio. */
export function injectionOf(labels: Record<string, string>): NamespaceOverview['injection'] {
  const legacy = labels['istio-injection'];
  if (legacy === 'enabled') return 'enabled';
  if (legacy === 'disabled') return 'disabled';
  return labels['istio.io/rev'] ? 'enabled' : 'unset';
}

/** Whether a selector's labels are all present with the same values (an empty selector matches nothing). */
export function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function withoutPerPodLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !PER_POD_LABELS.includes(k)));
}

function controllerOwner(meta: KubeMeta): OwnerRef | undefined {
  return meta.owners.find((o) => o.controller);
}

/**
 * What a controller without running pods would get, judged from its template and namespace: a scaled-down
 * workload still says whether its pods will carry the proxy.
 */
function predictedSidecar(c: ControllerObject, namespaceLabels: Record<string, string>): SidecarStatus {
  if (SIDECAR_STATUS in c.templateAnnotations || c.templateContainers.includes(PROXY_CONTAINER)) return 'injected';
  const optIn = c.templateLabels[INJECT] ?? c.templateAnnotations[INJECT];
  if (optIn === 'false') return 'missing';
  const injection = injectionOf(namespaceLabels);
  if (injection === 'enabled' || (optIn === 'true' && injection !== 'disabled')) return 'injected';
  return 'missing';
}

interface Draft {
  name: string;
  controller: string;
  labels: Record<string, string>;
  replicas?: Replicas;
  template?: ControllerObject;
  pods: PodObject[];
}

const keyOf = (kind: string, name: string) => `${kind}/${name}`;

/** Workloads of one namespace, sorted by name. Pod → ReplicaSet → Deployment through controller owner references. */
export function buildWorkloads(objects: Pick<NamespaceObjects, 'namespace' | 'labels' | 'controllers' | 'pods'>): Workload[] {
  const replicaSets = new Map(objects.controllers.filter((c) => c.kind === 'ReplicaSet').map((c) => [c.meta.name, c]));
  const listed = new Set(objects.controllers.map((c) => keyOf(c.kind, c.meta.name)));
  const top = (kind: string, name: string): { kind: string; name: string } => {
    const owner = kind === 'ReplicaSet' ? replicaSets.get(name) : undefined;
    const up = owner && controllerOwner(owner.meta);
    return up ? { kind: up.kind, name: up.name } : { kind, name };
  };

  const drafts = new Map<string, Draft>();
  for (const c of objects.controllers) {
    const t = c.kind === 'ReplicaSet' ? top(c.kind, c.meta.name) : { kind: c.kind, name: c.meta.name };
    const key = keyOf(t.kind, t.name);
    // A ReplicaSet of a listed Deployment is part of it; the Deployment's own counts already cover it.
    if (key !== keyOf(c.kind, c.meta.name) && listed.has(key)) continue;
    const prev = drafts.get(key);
    if (prev?.replicas && prev.template) {
      // Several ReplicaSets of an owner we do not list (an Argo Rollout, a deleted Deployment): add them up and
      // describe the group by the revision that wants the most pods.
      const r = prev.replicas;
      prev.replicas = { desired: r.desired + c.replicas.desired, ready: r.ready + c.replicas.ready, available: r.available + c.replicas.available };
      if (c.replicas.desired > prev.template.replicas.desired) {
        prev.template = c;
        prev.labels = withoutPerPodLabels(c.templateLabels);
      }
      continue;
    }
    drafts.set(key, { name: t.name, controller: t.kind, labels: withoutPerPodLabels(c.templateLabels), replicas: { ...c.replicas }, template: c, pods: [] });
  }

  for (const pod of objects.pods) {
    const owner = controllerOwner(pod.meta);
    const t = owner ? top(owner.kind, owner.name) : { kind: 'Pod', name: pod.meta.name };
    const key = keyOf(t.kind, t.name);
    let draft = drafts.get(key);
    if (!draft) {
      const labels = t.kind === 'Pod' ? pod.meta.labels : withoutPerPodLabels(pod.meta.labels);
      draft = { name: t.name, controller: t.kind, labels, pods: [] };
      drafts.set(key, draft);
    }
    draft.pods.push(pod);
  }

  return [...drafts.values()]
    .map((d): Workload => {
      const pods = [...d.pods].sort((a, b) => a.meta.name.localeCompare(b.meta.name));
      const accounts = new Set(pods.flatMap((p) => (p.serviceAccount ? [p.serviceAccount] : [])));
      if (accounts.size === 0 && d.template?.serviceAccount) accounts.add(d.template.serviceAccount);
      return {
        namespace: objects.namespace,
        name: d.name,
        controller: d.controller,
        labels: d.labels,
        replicas: d.replicas ?? replicasOfPods(pods),
        pods,
        serviceAccounts: [...accounts].sort(),
        sidecar: pods.length > 0 || !d.template ? combineSidecar(pods.map(hasSidecar)) : predictedSidecar(d.template, objects.labels),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.controller.localeCompare(b.controller));
}

/**
 * Replica counts of pods without a listed controller (bare pods, Jobs): every pod that has not completed is
 * wanted, and a ready one counts as available. A finished Job thus wants nothing rather than failing.
 */
function replicasOfPods(pods: readonly PodObject[]): Replicas {
  const live = pods.filter((p) => p.phase !== 'Succeeded');
  const ready = live.filter((p) => p.ready).length;
  return { desired: live.length, ready, available: ready };
}
