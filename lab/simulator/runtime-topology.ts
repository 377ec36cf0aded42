import { INGRESS_GATEWAY, serviceHost, type Protocol, type Scenario, type ServiceSpec, type WorkloadRef, type WorkloadSpec } from './model';
import { serviceBackends, serviceKey, workloadKey } from './topology';

/** A workload as the engine sees it: its spec, identity, labels and pods. */
export interface SimWorkload {
  ref: WorkloadRef;
  spec: WorkloadSpec;
  labels: Record<string, string>;
  pods: string[];
}

/** A service with the workloads it selects. */
export interface SimService {
  namespace: string;
  spec: ServiceSpec;
  host: string;
  protocol: Protocol;
  workloads: SimWorkload[];
}

/** Lookup tables the engine uses on every request, built once from the scenario. */
export interface RuntimeTopology {
  services: Map<string, SimService>;
  workloads: SimWorkload[];
  gateway: SimWorkload;
}

function simWorkload(namespace: string, w: WorkloadSpec, pods: string[]): SimWorkload {
  return {
    ref: { namespace, workload: w.name, app: w.app, version: w.version, serviceAccount: w.serviceAccount, sidecar: w.sidecar },
    spec: w,
    labels: { app: w.app, version: w.version },
    pods,
  };
}

/** Indexes services by host and attaches the workloads each selects (the scenario's one selection rule). */
export function buildRuntimeTopology(scenario: Scenario, podsOf: (namespace: string, workload: string) => string[]): RuntimeTopology {
  const byKey = new Map<string, SimWorkload>();
  for (const ns of scenario.namespaces) {
    for (const w of ns.workloads) byKey.set(workloadKey(ns.name, w.name), simWorkload(ns.name, w, podsOf(ns.name, w.name)));
  }
  const backends = serviceBackends(scenario);
  const services = new Map<string, SimService>();
  for (const ns of scenario.namespaces) {
    for (const svc of ns.services) {
      const host = serviceHost(svc.name, ns.name);
      const workloads = (backends.get(serviceKey(ns.name, svc.name)) ?? []).flatMap((l) => byKey.get(workloadKey(l.namespace, l.spec.name)) ?? []);
      services.set(host, { namespace: ns.name, spec: svc, host, protocol: svc.protocol, workloads });
    }
  }
  const workloads = [...byKey.values()];
  const gateway: SimWorkload = {
    ref: INGRESS_GATEWAY,
    spec: {
      name: INGRESS_GATEWAY.workload,
      app: INGRESS_GATEWAY.app,
      version: INGRESS_GATEWAY.version,
      serviceAccount: INGRESS_GATEWAY.serviceAccount,
      replicas: 1,
      sidecar: true,
      latency: { medianMs: 0.5, p99Ms: 2 },
      errorRate: 0,
      requestBytes: 0,
      responseBytes: 0,
      calls: [],
    },
    labels: { app: INGRESS_GATEWAY.app, istio: 'ingressgateway' },
    pods: podsOf(INGRESS_GATEWAY.namespace, INGRESS_GATEWAY.workload),
  };
  return { services, workloads, gateway };
}

/** Whether a workload's labels carry every label of a selector (a DestinationRule subset). */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
