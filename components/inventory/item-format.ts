// How list cells and overview cards put health, sidecars, Istio config, ports and replicas into words. Pure.

import type { Health } from '@/lib/mesh/graph/types';
import type { HealthReport, IstioRef, ServiceItem, SidecarStatus, WorkloadItem } from '@/lib/mesh/inventory/types';

/** Health states in the order filters, legends and counts list them. */
export const HEALTH_STATES: readonly Health[] = ['healthy', 'degraded', 'failure', 'na'];

/** The same words the graph's table view uses. */
export const HEALTH_LABEL: Record<Health, string> = { healthy: 'Healthy', degraded: 'Degraded', failure: 'Failure', na: 'No traffic' };

/** The graph's health colours (app/globals.css). */
export const HEALTH_DOT_CLASS: Record<Health, string> = {
  healthy: 'bg-healthy',
  degraded: 'bg-degraded',
  failure: 'bg-failure',
  na: 'bg-idle',
};

/** The health word followed by its reasons, for a tooltip and for screen readers: "Degraded: 5xx 2 % > 0 %". */
export function healthDescription(report: HealthReport): string {
  const label = HEALTH_LABEL[report.health];
  return report.reasons.length > 0 ? `${label}: ${report.reasons.join('; ')}` : label;
}

export const SIDECAR_LABEL: Record<SidecarStatus, string> = { injected: 'Injected', partial: 'Partial', missing: 'Missing' };

export const SIDECAR_TITLE: Record<SidecarStatus, string> = {
  injected: 'Every pod runs the Istio sidecar',
  partial: 'Some pods run without the Istio sidecar',
  missing: 'No pod runs the Istio sidecar: its traffic bypasses the mesh (no mTLS, no routing rules, no telemetry from its side)',
};

export const ISTIO_ABBREVIATION: Record<IstioRef['kind'], string> = {
  VirtualService: 'VS',
  DestinationRule: 'DR',
  Gateway: 'GW',
  ServiceEntry: 'SE',
  Sidecar: 'SC',
  PeerAuthentication: 'PA',
  AuthorizationPolicy: 'AP',
  RequestAuthentication: 'RA',
};

/** "VirtualService bookinfo/reviews": the full kind and name an abbreviation stands for. */
export function istioRefTitle(ref: IstioRef): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}`;
}

/** A service port as listed: "9080/TCP"; the name and app protocol go to the title. */
export function portText(port: ServiceItem['ports'][number]): string {
  return `${port.port}/${port.protocol}`;
}

/** Every port's name and protocols, for a tooltip: "http 9080/TCP (http)". */
export function portsTitle(ports: ServiceItem['ports']): string {
  return ports.map((p) => [p.name, portText(p), p.appProtocol && `(${p.appProtocol})`].filter(Boolean).join(' ')).join(', ');
}

/** Ready of desired replicas: "2/3". */
export function replicasText(replicas: WorkloadItem['replicas']): string {
  return `${replicas.ready}/${replicas.desired}`;
}

/** The inbound error rate, or undefined without inbound traffic (where it would be 0/0, not 0 %). */
export function errorRateOf(report: HealthReport): number | undefined {
  return report.inRps > 0 && report.inErrorRate !== null ? report.inErrorRate : undefined;
}
