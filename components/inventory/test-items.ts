// Small inventory items for the list tests: bookinfo-like names with the fields each test varies.

import type { Health } from '@/lib/mesh/graph/types';
import type { AppItem, HealthReport, ServiceItem, WorkloadItem } from '@/lib/mesh/inventory/types';

export function report(health: Health, inRps = 1, inErrorRate: number | null = 0, reasons: string[] = []): HealthReport {
  return { health, inRps, inErrorRate, reasons };
}

export function workload(name: string, over: Partial<WorkloadItem> = {}): WorkloadItem {
  return {
    kind: 'workloads',
    namespace: 'bookinfo',
    name,
    labels: {},
    health: report('healthy'),
    istio: [],
    controller: 'Deployment',
    sidecar: 'injected',
    replicas: { desired: 1, ready: 1, available: 1 },
    serviceAccounts: [],
    services: [],
    ...over,
  };
}

export function app(name: string, over: Partial<AppItem> = {}): AppItem {
  return { kind: 'apps', namespace: 'bookinfo', name, labels: {}, health: report('healthy'), istio: [], versions: ['v1'], workloads: [], services: [], sidecar: 'injected', ...over };
}

export function service(name: string, over: Partial<ServiceItem> = {}): ServiceItem {
  return {
    kind: 'services',
    namespace: 'bookinfo',
    name,
    labels: {},
    health: report('healthy'),
    istio: [],
    type: 'ClusterIP',
    selector: { app: name },
    ports: [{ name: 'http', port: 9080, protocol: 'TCP' }],
    workloads: [],
    ...over,
  };
}
