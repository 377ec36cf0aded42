import { createHash } from 'node:crypto';
import type { V1Deployment, V1Namespace, V1Pod, V1ReplicaSet, V1Service, V1ServiceAccount } from '@kubernetes/client-node';
import { INGRESS_GATEWAY, type NamespaceSpec, type Scenario, type WorkloadSpec } from './model';

/** The Istio release the simulated sidecars claim to run. */
export const ISTIO_VERSION = '1.28.0';

/** Everything the simulator creates for one workload, in creation order. */
export interface WorkloadObjects {
  serviceAccount: V1ServiceAccount;
  deployment: V1Deployment;
  replicaSet: V1ReplicaSet;
  pods: V1Pod[];
}

export interface MeshObjects {
  namespaces: V1Namespace[];
  services: V1Service[];
  workloads: WorkloadObjects[];
}

// What istio-sidecar-injector writes; tools (Kiali among them) read it to decide a pod has a sidecar.
const SIDECAR_STATUS = JSON.stringify({
  initContainers: ['istio-init'],
  containers: ['istio-proxy'],
  volumes: ['workload-socket', 'credential-socket', 'workload-certs', 'istio-envoy', 'istio-data', 'istio-podinfo', 'istio-token', 'istiod-ca-cert'],
  imagePullSecrets: null,
  revision: 'default',
});

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Stable pod IPs in 10.244.0.0/16, one per pod name. */
function podIp(name: string): string {
  const h = createHash('sha256').update(name).digest();
  return `10.244.${h[0]}.${(h[1] ?? 0) % 254 + 1}`;
}

function workloadLabels(w: Pick<WorkloadSpec, 'app' | 'version'>): Record<string, string> {
  return { app: w.app, version: w.version };
}

function proxyContainer() {
  return {
    name: 'istio-proxy',
    image: `docker.io/istio/proxyv2:${ISTIO_VERSION}`,
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local'],
    ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
    resources: { requests: { cpu: '10m', memory: '40Mi' }, limits: { cpu: '2', memory: '1Gi' } },
  };
}

function namespaceObject(ns: Pick<NamespaceSpec, 'name' | 'injection'>): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.name, labels: ns.injection ? { 'istio-injection': 'enabled' } : {} },
  };
}

/** Deployment, ReplicaSet and Pods of one workload, labelled and annotated as an injected workload is. */
export function workloadObjects(namespace: string, w: Omit<WorkloadSpec, 'calls' | 'latency' | 'errorRate' | 'requestBytes' | 'responseBytes'>, image: string, port: number): WorkloadObjects {
  const labels = workloadLabels(w);
  const templateHash = hash(`${namespace}/${w.name}`, 10);
  const podLabels: Record<string, string> = { ...labels, 'pod-template-hash': templateHash };
  const annotations: Record<string, string> = {};
  if (w.sidecar) {
    Object.assign(podLabels, {
      'security.istio.io/tlsMode': 'istio',
      'service.istio.io/canonical-name': w.app,
      'service.istio.io/canonical-revision': w.version,
    });
    annotations['sidecar.istio.io/status'] = SIDECAR_STATUS;
    annotations['prometheus.io/scrape'] = 'true';
    annotations['prometheus.io/port'] = '15020';
    annotations['prometheus.io/path'] = '/stats/prometheus';
  } else {
    // Deliberately outside the mesh: the namespace may inject, this pod opted out.
    annotations['sidecar.istio.io/inject'] = 'false';
  }
  const appContainer = { name: w.app, image, ports: [{ containerPort: port }] };
  const containers = w.sidecar ? [appContainer, proxyContainer()] : [appContainer];
  const rsName = `${w.name}-${templateHash}`;
  const pods: V1Pod[] = Array.from({ length: w.replicas }, (_, i) => {
    const name = `${rsName}-${hash(`${rsName}/${i}`, 5)}`;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: podLabels, annotations },
      spec: { serviceAccountName: w.serviceAccount, nodeName: 'lab-node', containers },
      status: {
        phase: 'Running',
        podIP: podIp(`${namespace}/${name}`),
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready: true, restartCount: 0, started: true, state: { running: {} } })),
      },
    };
  });
  const selector = { matchLabels: labels };
  const template = { metadata: { labels: podLabels, annotations }, spec: { serviceAccountName: w.serviceAccount, containers } };
  const ready = { replicas: w.replicas, readyReplicas: w.replicas, availableReplicas: w.replicas, observedGeneration: 1 };
  return {
    serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: w.serviceAccount, namespace } },
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: w.name, namespace, labels },
      spec: { replicas: w.replicas, selector, template },
      status: { ...ready, updatedReplicas: w.replicas },
    },
    replicaSet: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: rsName, namespace, labels: { ...labels, 'pod-template-hash': templateHash } },
      spec: { replicas: w.replicas, selector: { matchLabels: { ...labels, 'pod-template-hash': templateHash } }, template },
      status: { ...ready, fullyLabeledReplicas: w.replicas },
    },
    pods,
  };
}

/** The control plane and the ingress gateway, as an Istio install has them in istio-system. */
function istioSystem(): { namespace: V1Namespace; services: V1Service[]; workloads: WorkloadObjects[] } {
  const ns = INGRESS_GATEWAY.namespace;
  const istiod = workloadObjects(ns, { name: 'istiod', app: 'istiod', version: ISTIO_VERSION, serviceAccount: 'istiod', replicas: 1, sidecar: false }, `docker.io/istio/pilot:${ISTIO_VERSION}`, 15010);
  for (const o of [istiod.deployment, istiod.replicaSet]) o.metadata!.labels = { ...o.metadata!.labels, istio: 'pilot', 'istio.io/rev': 'default' };
  const gateway = workloadObjects(ns, { ...INGRESS_GATEWAY, name: INGRESS_GATEWAY.workload, replicas: 1, sidecar: false }, `docker.io/istio/proxyv2:${ISTIO_VERSION}`, 8080);
  for (const pod of gateway.pods) pod.metadata!.labels = { ...pod.metadata!.labels, istio: 'ingressgateway', 'service.istio.io/canonical-name': INGRESS_GATEWAY.app };
  gateway.deployment.spec!.template.metadata!.labels = { ...gateway.deployment.spec!.template.metadata!.labels, istio: 'ingressgateway' };
  // A gateway is itself an Envoy proxy: its one container is named istio-proxy, as in Istio's gateway charts.
  for (const spec of [gateway.deployment.spec!.template.spec!, gateway.replicaSet.spec!.template!.spec!, ...gateway.pods.map((p) => p.spec!)]) spec.containers = spec.containers.map((c) => ({ ...c, name: 'istio-proxy' }));
  for (const pod of gateway.pods) pod.status!.containerStatuses = pod.status!.containerStatuses!.map((c) => ({ ...c, name: 'istio-proxy' }));
  const service = (name: string, selector: Record<string, string>, port: number): V1Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, labels: { app: selector.app ?? name } },
    spec: { selector, ports: [{ name: `http-${port}`, port, targetPort: port, protocol: 'TCP' }] },
  });
  return {
    namespace: namespaceObject({ name: ns, injection: false }),
    services: [service('istiod', { app: 'istiod' }, 15010), service('istio-ingressgateway', { istio: 'ingressgateway' }, 80)],
    workloads: [istiod, gateway],
  };
}

/** Every Kubernetes object of a scenario, istio-system included. */
export function meshObjects(scenario: Scenario): MeshObjects {
  const system = istioSystem();
  const objects: MeshObjects = { namespaces: [system.namespace], services: [...system.services], workloads: [...system.workloads] };
  for (const ns of scenario.namespaces) {
    objects.namespaces.push(namespaceObject(ns));
    for (const svc of ns.services) {
      const portName = svc.protocol === 'tcp' ? `tcp-${svc.name}` : `${svc.protocol === 'grpc' ? 'grpc' : 'http'}`;
      objects.services.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: svc.name, namespace: ns.name, labels: { app: svc.app, service: svc.name } },
        spec: { selector: { app: svc.app }, ports: [{ name: portName, port: svc.port, targetPort: svc.port, protocol: 'TCP' }] },
      });
    }
    for (const w of ns.workloads) {
      const port = ns.services.find((s) => s.app === w.app)?.port ?? 8080;
      objects.workloads.push(workloadObjects(ns.name, w, `docker.io/istio/examples-bookinfo-${w.app}-${w.version}:1.20.3`, port));
    }
  }
  return objects;
}

/** A Kubernetes object the typed client has no model for (Istio config), sent as plain JSON. */
export interface PlainObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string };
  spec: Record<string, unknown>;
}

/**
 * For each namespace that receives ingress traffic: a Gateway `<ns>-gateway` on the ingress gateway and a
 * VirtualService `<ns>-ingress` routing each entry's paths to its service — what installing an app's gateway
 * YAML (bookinfo-gateway.yaml) does, so ingress traffic is routed by real, editable Istio config.
 */
export function ingressConfig(scenario: Scenario): PlainObject[] {
  const objects: PlainObject[] = [];
  const byNamespace = Map.groupBy(scenario.entries.filter((e) => e.via === 'ingress'), (e) => e.namespace);
  for (const [namespace, entries] of byNamespace) {
    const gateway = `${namespace}-gateway`;
    objects.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: gateway, namespace },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
    });
    const ns = scenario.namespaces.find((n) => n.name === namespace);
    objects.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: `${namespace}-ingress`, namespace },
      spec: {
        hosts: ['*'],
        gateways: [gateway],
        http: entries.map((e) => ({
          match: [...new Set(e.requests.map((r) => r.path))].map((path) => ({ uri: { prefix: path } })),
          route: [{ destination: { host: e.service, port: { number: ns?.services.find((s) => s.name === e.service)?.port ?? 80 } } }],
        })),
      },
    });
  }
  return objects;
}
