import { describe, expect, it } from 'vitest';
import type { MetricsParams } from './params';
import { metricsQueries, renderMetricsQueries, versionLabels } from './queries';

const params = (over: Partial<MetricsParams> = {}): MetricsParams => ({
  namespace: 'bookinfo',
  kind: 'services',
  name: 'reviews',
  direction: 'inbound',
  duration: 600,
  byVersion: false,
  ...over,
});

const rendered = (over: Partial<MetricsParams> = {}, window = 20) => renderMetricsQueries(metricsQueries(params(over), window));

describe('metricsQueries: every query of one request', () => {
  it('renders the inbound queries of a service, read from the destination reporter', () => {
    const sel = '{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"}[20s]';
    expect(rendered()).toEqual({
      requests: `sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total${sel}))`,
      p50: `histogram_quantile(0.5, sum by (le) (rate(istio_request_duration_milliseconds_bucket${sel})))`,
      p95: `histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket${sel})))`,
      p99: `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket${sel})))`,
      latencyAvg: `sum(rate(istio_request_duration_milliseconds_sum${sel})) / sum(rate(istio_request_duration_milliseconds_count${sel}))`,
      requestSize: `sum(rate(istio_request_bytes_sum${sel})) / sum(rate(istio_request_bytes_count${sel}))`,
      responseSize: `sum(rate(istio_response_bytes_sum${sel})) / sum(rate(istio_response_bytes_count${sel}))`,
      tcpSent: `sum(rate(istio_tcp_sent_bytes_total${sel}))`,
      tcpReceived: `sum(rate(istio_tcp_received_bytes_total${sel}))`,
    });
  });
});

describe('metricsQueries: selectors by kind, direction and peer', () => {
  it.each<[string, Partial<MetricsParams>, string]>([
    ['inbound workload', { kind: 'workloads', name: 'reviews-v2' },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="reviews-v2"}[20s]))'],
    ['outbound workload', { kind: 'workloads', name: 'productpage-v1', direction: 'outbound' },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo",source_workload="productpage-v1"}[20s]))'],
    ['inbound app', { kind: 'apps', name: 'reviews' },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_canonical_service="reviews"}[20s]))'],
    ['outbound app', { kind: 'apps', name: 'reviews', direction: 'outbound' },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo",source_canonical_service="reviews"}[20s]))'],
    ['inbound service from one app peer', { peer: { namespace: 'bookinfo', kind: 'apps', name: 'productpage' } },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews",source_workload_namespace="bookinfo",source_canonical_service="productpage"}[20s]))'],
    ['inbound app from outside the mesh', { kind: 'apps', peer: { namespace: 'unknown', kind: 'workloads', name: 'unknown' } },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_canonical_service="reviews",source_workload_namespace="unknown",source_workload="unknown"}[20s]))'],
    ['outbound workload to one service', { kind: 'workloads', name: 'productpage-v1', direction: 'outbound', peer: { namespace: 'bookinfo', kind: 'services', name: 'reviews' } },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo",source_workload="productpage-v1",destination_service_namespace="bookinfo",destination_service_name="reviews"}[20s]))'],
    ['outbound app to a workload in another namespace', { kind: 'apps', name: 'hotels', namespace: 'travel', direction: 'outbound', peer: { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v3' } },
      'sum by (request_protocol, response_code, grpc_response_status) (rate(istio_requests_total{reporter="source",source_workload_namespace="travel",source_canonical_service="hotels",destination_workload_namespace="bookinfo",destination_workload="reviews-v3"}[20s]))'],
  ])('%s', (_name, over, expected) => {
    expect(rendered(over).requests).toBe(expected);
  });

  it('uses the rate window it is given, in the largest whole unit', () => {
    expect(rendered({}, 7205).tcpSent).toBe('sum(rate(istio_tcp_sent_bytes_total{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"}[7205s]))');
    expect(rendered({}, 120).tcpSent).toContain('[2m]');
  });

  it('refuses a service as the source of a request (params reject it first)', () => {
    expect(() => metricsQueries(params({ kind: 'services', direction: 'outbound' }), 20)).toThrow('a service cannot be the source of a request');
    expect(() => metricsQueries(params({ peer: { namespace: 'a', kind: 'services', name: 'b' } }), 20)).toThrow('a service cannot be the source of a request');
  });
});

describe('metricsQueries: byVersion', () => {
  it.each<[string, Partial<MetricsParams>, string[]]>([
    ['inbound service: its own versions', {}, ['destination_canonical_revision']],
    ['inbound app: its own versions', { kind: 'apps' }, ['destination_canonical_revision']],
    ['outbound app: its own versions, as sender', { kind: 'apps', direction: 'outbound' }, ['source_canonical_revision']],
    ['outbound workload: one version, so its peers\' versions', { kind: 'workloads', direction: 'outbound' }, ['destination_canonical_service', 'destination_canonical_revision']],
    ['inbound workload: its callers\' versions', { kind: 'workloads' }, ['source_canonical_service', 'source_canonical_revision']],
  ])('%s', (_name, over, labels) => {
    expect(versionLabels(params(over))).toEqual(labels);
  });

  it('keeps the version labels in every query', () => {
    const q = rendered({ byVersion: true });
    const sel = '{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"}[20s]';
    expect(q.requests).toBe(`sum by (destination_canonical_revision, request_protocol, response_code, grpc_response_status) (rate(istio_requests_total${sel}))`);
    expect(q.p99).toBe(`histogram_quantile(0.99, sum by (destination_canonical_revision, le) (rate(istio_request_duration_milliseconds_bucket${sel})))`);
    expect(q.latencyAvg).toBe(
      `sum by (destination_canonical_revision) (rate(istio_request_duration_milliseconds_sum${sel})) / sum by (destination_canonical_revision) (rate(istio_request_duration_milliseconds_count${sel}))`,
    );
    expect(q.tcpReceived).toBe(`sum by (destination_canonical_revision) (rate(istio_tcp_received_bytes_total${sel}))`);
  });

  it('splits an outbound workload by destination service and revision', () => {
    expect(rendered({ kind: 'workloads', name: 'productpage-v1', direction: 'outbound', byVersion: true }).responseSize).toBe(
      'sum by (destination_canonical_service, destination_canonical_revision) (rate(istio_response_bytes_sum{reporter="source",source_workload_namespace="bookinfo",source_workload="productpage-v1"}[20s])) / sum by (destination_canonical_service, destination_canonical_revision) (rate(istio_response_bytes_count{reporter="source",source_workload_namespace="bookinfo",source_workload="productpage-v1"}[20s]))',
    );
  });
});

describe('metricsQueries: hostile names stay inside their strings', () => {
  // params.ts rejects these as not DNS-1123; the builder escapes them anyway, so nothing depends on that check.
  it.each<[string, string]>([
    ['x"} or vector(1)', '"x\\"} or vector(1)"'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak', '"line\\nbreak"'],
    ['a.b|c', '"a.b|c"'],
  ])('%j → %s', (name, literal) => {
    const q = rendered({ kind: 'workloads', name, peer: { namespace: name, kind: 'apps', name } });
    expect(q.tcpSent).toBe(
      `sum(rate(istio_tcp_sent_bytes_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload=${literal},source_workload_namespace=${literal},source_canonical_service=${literal}}[20s]))`,
    );
  });
});
