// The simulator's vocabulary: a scenario (what the mesh is and how it behaves) and the requests it plays.

/** A latency distribution in milliseconds: log-normal fitted to a median and a 99th percentile. */
export interface LatencySpec {
  medianMs: number;
  p99Ms: number;
}

export type Protocol = 'http' | 'grpc' | 'tcp';

/** A Kubernetes Service: selects the workloads whose `app` label equals `app`. */
export interface ServiceSpec {
  name: string;
  port: number;
  protocol: Protocol;
  /** Value of the `app` label the Service selects (defaults to the service name). */
  app: string;
}

/** A call a workload makes while serving one inbound request. */
export interface CallSpec {
  /** Target service name; in `namespace` (defaults to the caller's namespace). */
  service: string;
  namespace: string;
  /** Expected calls per inbound request: 1 = always once, 0.3 = on 30 % of requests, 2 = twice. */
  perRequest: number;
  /** For TCP calls: bytes sent and received per connection. */
  tcpBytes?: { sent: number; received: number };
}

/** One Deployment (one version of an app). */
export interface WorkloadSpec {
  /** Deployment name, e.g. `reviews-v2`. */
  name: string;
  app: string;
  version: string;
  serviceAccount: string;
  replicas: number;
  /** False for a workload deployed without an Envoy sidecar. */
  sidecar: boolean;
  /** Time the workload itself spends on a request, before and besides its own calls. */
  latency: LatencySpec;
  /** Share of requests the workload fails on its own with HTTP 500 (gRPC: status 13). */
  errorRate: number;
  /** Mean request and response body sizes in bytes. */
  requestBytes: number;
  responseBytes: number;
  calls: CallSpec[];
}

export interface NamespaceSpec {
  name: string;
  /** Labels the namespace `istio-injection=enabled`. */
  injection: boolean;
  services: ServiceSpec[];
  workloads: WorkloadSpec[];
}

/** A class of requests entering the mesh, with the headers and path they carry (for route matches). */
export interface RequestClass {
  share: number;
  headers: Record<string, string>;
  path: string;
}

/** Traffic entering the mesh. */
export interface EntrySpec {
  /** `ingress`: through the istio-ingressgateway; `outside`: straight from a client without a sidecar. */
  via: 'ingress' | 'outside';
  service: string;
  namespace: string;
  ratePerSecond: number;
  requests: RequestClass[];
}

export interface Scenario {
  name: string;
  seed: number;
  /** Share of entry requests that are traced (0–1). */
  traceSampling: number;
  namespaces: NamespaceSpec[];
  entries: EntrySpec[];
}

/** Where a workload lives and how it is labelled; the identity the simulator reports for it. */
export interface WorkloadRef {
  namespace: string;
  workload: string;
  app: string;
  version: string;
  serviceAccount: string;
  sidecar: boolean;
}

/** The ingress gateway the simulator always runs in `istio-system`. */
export const INGRESS_GATEWAY: WorkloadRef = {
  namespace: 'istio-system',
  workload: 'istio-ingressgateway',
  app: 'istio-ingressgateway',
  version: 'unknown',
  serviceAccount: 'istio-ingressgateway-service-account',
  sidecar: true,
};

/** The trust domain of SPIFFE principals. */
export const TRUST_DOMAIN = 'cluster.local';

/** The SPIFFE principal of a workload, as Istio reports it. */
export function principalOf(ref: Pick<WorkloadRef, 'namespace' | 'serviceAccount'>): string {
  return `spiffe://${TRUST_DOMAIN}/ns/${ref.namespace}/sa/${ref.serviceAccount}`;
}

/** The cluster-local host name of a service. */
export function serviceHost(service: string, namespace: string): string {
  return `${service}.${namespace}.svc.cluster.local`;
}
