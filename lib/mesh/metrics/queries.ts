import { div, eq, histogramQuantile, rate, render, seconds, selector, sum, sumBy, type Expr, type Matcher } from '../../promql';
import type { MetricsParams } from './params';
import type { Direction, MetricKind } from './types';

export const QUERY_NAMES = ['requests', 'p50', 'p95', 'p99', 'latencyAvg', 'requestSize', 'responseSize', 'tcpSent', 'tcpReceived'] as const;
/** One range query of a metrics request. */
export type QueryName = (typeof QUERY_NAMES)[number];
/** Every query of a metrics request, by name; they are independent and run concurrently. */
export type MetricsQueries = Record<QueryName, Expr>;

/** The latency quantiles charted, as `histogram_quantile` takes them. */
export const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;

/** The labels the request query keeps, so series.ts can tell response-code classes and errors apart. */
export const OUTCOME_LABELS = ['request_protocol', 'response_code', 'grpc_response_status'] as const;

type Side = 'source' | 'destination';

// DESIGN §5: inbound traffic as the receiving proxy saw it, outbound as the sending proxy saw it; never both.
const REPORTER: Record<Direction, Side> = { inbound: 'destination', outbound: 'source' };

/** The side of a request whose labels describe `kind`/`name` (the reporter's own side), or its peer's. */
function ownSide(direction: Direction): Side {
  return REPORTER[direction];
}

function peerSide(direction: Direction): Side {
  return direction === 'inbound' ? 'source' : 'destination';
}

/** Matchers selecting requests whose `side` is the given service, workload or app. */
function sideMatchers(side: Side, kind: MetricKind, namespace: string, name: string): Matcher[] {
  switch (kind) {
    case 'services':
      // Only a destination has a service; params.ts rejects the other combinations before we get here.
      if (side !== 'destination') throw new Error(`a service cannot be the ${side} of a request`);
      return [eq('destination_service_namespace', namespace), eq('destination_service_name', name)];
    case 'workloads':
      return [eq(`${side}_workload_namespace`, namespace), eq(`${side}_workload`, name)];
    case 'apps':
      // An app is a canonical service within its workloads' namespace, as the graph's app nodes are.
      return [eq(`${side}_workload_namespace`, namespace), eq(`${side}_canonical_service`, name)];
  }
}

/**
 * The labels `byVersion` splits by. An app's or service's own versions are what "stable vs canary" means, so they
 * split by their own side's canonical revision. A workload has exactly one version, so it splits by its peers'
 * versions instead, keeping the peer's canonical service so `v1` of two different peers never merge.
 * Canonical revision rather than `*_version`: it is the label the graph's version nodes use, and Istio fills it
 * from `app.kubernetes.io/version` too, where `*_version` only reads the `version` pod label.
 */
export function versionLabels(p: Pick<MetricsParams, 'kind' | 'direction'>): string[] {
  if (p.kind === 'workloads') {
    const side = peerSide(p.direction);
    return [`${side}_canonical_service`, `${side}_canonical_revision`];
  }
  return [`${ownSide(p.direction)}_canonical_revision`];
}

/** Builds the golden-signal queries of one request; `rateWindowSeconds` is each point's look-back (step.ts). */
export function metricsQueries(p: MetricsParams, rateWindowSeconds: number): MetricsQueries {
  const matchers: Matcher[] = [
    eq('reporter', REPORTER[p.direction]),
    ...sideMatchers(ownSide(p.direction), p.kind, p.namespace, p.name),
    ...(p.peer ? sideMatchers(peerSide(p.direction), p.peer.kind, p.peer.namespace, p.peer.name) : []),
  ];
  const window = seconds(rateWindowSeconds);
  const split = p.byVersion ? versionLabels(p) : [];
  const rated = (metric: string) => rate(selector(metric, matchers, window));
  // `sum by () (…)` is valid but reads oddly; without a split the plain `sum(…)` says the same.
  const total = (metric: string, extra: readonly string[] = []) =>
    split.length + extra.length === 0 ? sum(rated(metric)) : sumBy([...split, ...extra], rated(metric));
  const quantile = (q: number) => histogramQuantile(q, total('istio_request_duration_milliseconds_bucket', ['le']));
  // Sum ÷ count of a histogram is its exact mean; NaN (a gap) where there were no requests.
  const mean = (histogram: string) => div(total(`${histogram}_sum`), total(`${histogram}_count`));
  return {
    requests: total('istio_requests_total', OUTCOME_LABELS),
    p50: quantile(QUANTILES.p50),
    p95: quantile(QUANTILES.p95),
    p99: quantile(QUANTILES.p99),
    latencyAvg: mean('istio_request_duration_milliseconds'),
    requestSize: mean('istio_request_bytes'),
    responseSize: mean('istio_response_bytes'),
    tcpSent: total('istio_tcp_sent_bytes_total'),
    tcpReceived: total('istio_tcp_received_bytes_total'),
  };
}

/** The rendered PromQL of each query, by name (for logs and tests). */
export function renderMetricsQueries(q: MetricsQueries): Record<QueryName, string> {
  return Object.fromEntries(QUERY_NAMES.map((n) => [n, render(q[n])])) as Record<QueryName, string>;
}
