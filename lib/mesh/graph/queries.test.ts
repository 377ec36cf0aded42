import { describe, expect, it } from 'vitest';
import type { GraphParams } from './params';
import { graphQueries, renderGraphQueries } from './queries';

const params = (over: Partial<GraphParams> = {}): GraphParams => ({
  namespaces: ['bookinfo'],
  graphType: 'versionedApp',
  duration: 300,
  idleEdges: false,
  serviceNodes: false,
  latency: false,
  throughput: false,
  ...over,
});

describe('graphQueries', () => {
  it.each([
    [{}, 3],
    [{ latency: true }, 4],
    [{ throughput: true }, 4],
    [{ latency: true, throughput: true }, 5],
    [{ latency: true, throughput: true, namespaces: Array.from({ length: 40 }, (_, i) => `ns-${i}`) }, 5],
  ])('%o runs %i queries, however many namespaces', (over, count) => {
    expect(renderGraphQueries(graphQueries(params(over)))).toHaveLength(count);
  });

  it('asks each reporter only about its side, with one regex across namespaces', () => {
    const [inbound, outbound, failedInto] = renderGraphQueries(graphQueries(params({ namespaces: ['bookinfo', 'travel'] })));
    expect(inbound).toContain('istio_requests_total{reporter="destination",destination_workload_namespace=~"bookinfo|travel"}[5m]');
    expect(inbound).toContain(' or ');
    expect(inbound).toContain('istio_tcp_connections_opened_total{reporter="destination",destination_workload_namespace=~"bookinfo|travel"}[5m]');
    expect(outbound).toContain('istio_requests_total{reporter="source",source_workload_namespace=~"bookinfo|travel"}[5m]');
    expect(failedInto).toBe(
      'sum by (reporter, source_workload_namespace, source_workload, source_canonical_service, source_canonical_revision, destination_workload_namespace, destination_workload, destination_canonical_service, destination_canonical_revision, destination_service_namespace, destination_service_name, request_protocol, response_code, grpc_response_status, response_flags, connection_security_policy) (rate(istio_requests_total{reporter="source",source_workload_namespace!~"bookinfo|travel",destination_service_namespace=~"bookinfo|travel"}[5m]))',
    );
  });

  it('groups latency buckets by le and adds request and response bytes for throughput', () => {
    const [, , , latency, throughput] = renderGraphQueries(graphQueries(params({ latency: true, throughput: true, duration: 3600 })));
    expect(latency).toMatch(/^sum by \(.*, le\) \(rate\(istio_request_duration_milliseconds_bucket\{reporter="destination",destination_workload_namespace=~"bookinfo"\}\[1h\]\)\) or /);
    expect(throughput).toContain('rate(istio_request_bytes_sum{reporter="destination",destination_workload_namespace=~"bookinfo"}[1h])) + sum by');
    expect(throughput).toContain('istio_tcp_sent_bytes_total');
  });

  it('asks the source side for latency only of hops no destination reported', () => {
    const [, , , latency] = renderGraphQueries(graphQueries(params({ latency: true, duration: 60 })));
    const hop = 'source_workload_namespace, source_workload, destination_workload_namespace, destination_workload, destination_service_namespace, destination_service_name';
    const arrived = `unless on (${hop}) sum by (${hop}) (rate(istio_requests_total{reporter="destination",destination_workload_namespace=~"bookinfo"}[1m]))`;
    const parts = (latency ?? '').split(' or ');
    expect(parts).toHaveLength(3);
    expect(parts[0]).not.toContain('unless');
    expect(parts[1]).toMatch(/\{reporter="source",source_workload_namespace=~"bookinfo"\}\[1m\]\)\) unless /);
    expect(parts[1]?.endsWith(arrived)).toBe(true);
    expect(parts[2]?.endsWith(arrived)).toBe(true);
  });
});
