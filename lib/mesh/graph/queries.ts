import { add, eq, noneOf, oneOf, or, rate, render, seconds, selector, sumBy, unless, type Expr, type Matcher } from '../../promql';
import type { GraphParams } from './params';

/** The labels that identify a hop (source workload → destination workload through a service). */
const HOP_LABELS = [
  'reporter',
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_service_namespace',
  'destination_service_name',
  'request_protocol',
];

/** What makes two reports describe the same hop, whoever reported it (build.ts keys edges the same way). */
const HOP_IDENTITY = [
  'source_workload_namespace',
  'source_workload',
  'destination_workload_namespace',
  'destination_workload',
  'destination_service_namespace',
  'destination_service_name',
];

/**
 * What latency and throughput samples need to find their hop among those the traffic drew (build.ts): the hop,
 * its protocol and its reporter. Node names come from the traffic; leaving them out here makes the largest
 * result of a big mesh (latency buckets) about a third smaller.
 */
const ANNOTATION_LABELS = ['reporter', ...HOP_IDENTITY, 'request_protocol'];

/** Hop labels plus what the base graph splits traffic by: outcome and mTLS. */
const TRAFFIC_LABELS = [...HOP_LABELS, 'response_code', 'grpc_response_status', 'response_flags', 'connection_security_policy'];

/** The three sides of traffic the graph reads; each reporter is asked only about what it alone knows best. */
function sides(namespaces: readonly string[]): Matcher[][] {
  return [
    // Arrived in the selected namespaces, as their servers' proxies saw it.
    [eq('reporter', 'destination'), oneOf('destination_workload_namespace', namespaces)],
    // Left the selected namespaces, as their clients' proxies saw it (used where no destination report exists).
    [eq('reporter', 'source'), oneOf('source_workload_namespace', namespaces)],
    // Sent into the selected namespaces from elsewhere, as the outside clients saw it (failed before arrival).
    [eq('reporter', 'source'), noneOf('source_workload_namespace', namespaces), oneOf('destination_service_namespace', namespaces)],
  ];
}

/** The queries one graph request runs: three for the base graph, one per enabled edge-label family. */
export interface GraphQueries {
  base: Expr[];
  latency?: Expr;
  throughput?: Expr;
}

/** Builds the graph's queries; their number does not depend on how many namespaces are selected. */
export function graphQueries(params: GraphParams): GraphQueries {
  const range = seconds(params.duration);
  const byHop = (metric: string, m: Matcher[], labels = HOP_LABELS) => sumBy(labels, rate(selector(metric, m, range)));
  const s = sides(params.namespaces);
  const base = s.map((m, i) =>
    // TCP connections ride along in the same query; the third side has no TCP (it looks for failed requests).
    i < 2
      ? or(byHop('istio_requests_total', m, TRAFFIC_LABELS), byHop('istio_tcp_connections_opened_total', m, TRAFFIC_LABELS))
      : byHop('istio_requests_total', m, TRAFFIC_LABELS),
  );
  const queries: GraphQueries = { base };
  if (params.latency) {
    // The graph reads a hop from its destination's report when there is one, so the source side's buckets of such
    // hops would be fetched only to be dropped: about half of a large mesh's latency series, each 13-20 buckets.
    const arrived = sumBy(HOP_IDENTITY, rate(selector('istio_requests_total', s[0] ?? [], range)));
    const parts: Expr[] = s.map((m, i) => {
      const buckets = byHop('istio_request_duration_milliseconds_bucket', m, [...ANNOTATION_LABELS, 'le']);
      return i === 0 ? buckets : unless(buckets, arrived, { on: HOP_IDENTITY });
    });
    queries.latency = parts.reduce((a, b) => or(a, b));
  }
  if (params.throughput) {
    const parts: Expr[] = s.slice(0, 2).map((m) =>
      or(
        add(byHop('istio_request_bytes_sum', m, ANNOTATION_LABELS), byHop('istio_response_bytes_sum', m, ANNOTATION_LABELS)),
        add(byHop('istio_tcp_sent_bytes_total', m, ANNOTATION_LABELS), byHop('istio_tcp_received_bytes_total', m, ANNOTATION_LABELS)),
      ),
    );
    queries.throughput = parts.reduce((a, b) => or(a, b));
  }
  return queries;
}

/** The rendered PromQL of each query, in the order they run (for logs and tests). */
export function renderGraphQueries(q: GraphQueries): string[] {
  return [...q.base, ...(q.latency ? [q.latency] : []), ...(q.throughput ? [q.throughput] : [])].map(render);
}
