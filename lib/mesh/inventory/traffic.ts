// The one Prometheus query behind the inventory's health, and its answer indexed by workload, service and
// namespace. Pure.

import { eq, oneOf, or, rate, seconds, selector, sumBy, unless, type Expr } from '../../promql';
import { addSample, emptyTraffic, type Traffic } from './health-report';

/**
 * What the inventory keeps of each inbound request series: where it arrived (workload and service), and its
 * outcome and transport security, which is all the health rules and the overview's mTLS share read.
 */
export const TRAFFIC_LABELS = [
  'destination_workload_namespace',
  'destination_workload',
  'destination_service_namespace',
  'destination_service_name',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'connection_security_policy',
] as const;

/** A workload is who received a request; the reports of one workload are matched on these. */
const RECEIVER = ['destination_workload_namespace', 'destination_workload'];

/**
 * Inbound request rates into the namespaces over `durationSeconds`, as the receiving proxies reported them
 * (DESIGN §5: never added to the senders' reports). A workload without a sidecar reports nothing, so for the
 * workloads no receiving proxy reported, the senders' reports stand in. One query with one regex across all
 * namespaces, so the count stays one however many namespaces an overview shows.
 */
export function inboundTrafficQuery(namespaces: readonly string[], durationSeconds: number): Expr {
  const window = seconds(durationSeconds);
  const requests = (reporter: 'destination' | 'source') => selector('istio_requests_total', [eq('reporter', reporter), oneOf('destination_workload_namespace', namespaces)], window);
  const received = sumBy(TRAFFIC_LABELS, rate(requests('destination')));
  const sentToUnreported = unless(sumBy(TRAFFIC_LABELS, rate(requests('source'))), sumBy(RECEIVER, rate(requests('destination'))), { on: RECEIVER });
  return or(received, sentToUnreported);
}

/** One sample of the query's answer. */
export interface TrafficSample {
  labels: Record<string, string>;
  value: number;
}

/** Inbound traffic by `namespace/workload`, by `namespace/service`, and by namespace. */
export interface TrafficIndex {
  workloads: Map<string, Traffic>;
  services: Map<string, Traffic>;
  namespaces: Map<string, Traffic>;
}

/** The key of an item in a {@link TrafficIndex}. */
export const trafficKey = (namespace: string, name: string) => `${namespace}/${name}`;

function into(map: Map<string, Traffic>, key: string, labels: Record<string, string>, value: number): void {
  let t = map.get(key);
  if (!t) {
    t = emptyTraffic();
    map.set(key, t);
  }
  addSample(t, labels, value);
}

/** Indexes the query's answer; NaN and negative rates (a counter reset mid-window gone wrong) are dropped. */
export function indexTraffic(samples: readonly TrafficSample[]): TrafficIndex {
  const index: TrafficIndex = { workloads: new Map(), services: new Map(), namespaces: new Map() };
  for (const { labels, value } of samples) {
    if (!(value > 0)) continue;
    const ns = labels.destination_workload_namespace ?? '';
    into(index.namespaces, ns, labels, value);
    if (labels.destination_workload) into(index.workloads, trafficKey(ns, labels.destination_workload), labels, value);
    const svcNs = labels.destination_service_namespace;
    const svc = labels.destination_service_name;
    // Istio writes "unknown" where it could not tell the service (a request to a pod IP); that is no service.
    if (svcNs && svc && svc !== 'unknown') into(index.services, trafficKey(svcNs, svc), labels, value);
  }
  return index;
}
