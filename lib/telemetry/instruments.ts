import { processSingleton } from './process-singleton';
import { Registry } from './registry';

function create() {
  const registry = new Registry();
  return {
    registry,
    httpRequestDuration: registry.histogram(
      'meshscope_http_request_duration_seconds',
      'Time to answer an API request, by route template and status class.',
      ['method', 'route', 'status_class'],
    ),
    upstreamRequestDuration: registry.histogram(
      'meshscope_upstream_request_duration_seconds',
      'Time of calls that reached an upstream (Prometheus, Jaeger, Kubernetes), whatever their outcome.',
      ['upstream'],
    ),
    upstreamErrors: registry.counter(
      'meshscope_upstream_errors_total',
      'Failed upstream calls by error code; circuit_open counts calls refused by an open breaker without reaching the upstream.',
      ['upstream', 'code'],
    ),
    cacheHits: registry.counter('meshscope_prometheus_cache_hits_total', 'Prometheus queries answered from the short-lived cache.'),
    cacheMisses: registry.counter('meshscope_prometheus_cache_misses_total', 'Prometheus queries that had to be sent.'),
    coalescedCalls: registry.counter(
      'meshscope_prometheus_coalesced_calls_total',
      'Prometheus queries that shared an identical query already in flight instead of sending their own.',
    ),
    graphShared: registry.counter(
      'meshscope_graph_shared_total',
      'Graph requests answered with a graph already built (cached or in flight) for the same parameters and moment.',
    ),
    overloadRejections: registry.counter(
      'meshscope_prometheus_overload_rejections_total',
      'Prometheus queries refused because too many were already waiting for a slot.',
    ),
    breakerState: registry.gauge(
      'meshscope_circuit_breaker_state',
      'Circuit breaker state per upstream: 1 for the current state, 0 for the others.',
      ['upstream', 'state'],
    ),
  };
}

/** The process's metrics; every instrument the console records lives here. */
export function telemetry() {
  return processSingleton('telemetry', create);
}
