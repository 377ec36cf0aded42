import { describe, expect, it } from 'vitest';
import { render } from '../../promql';
import { inboundTrafficQuery, indexTraffic, trafficKey } from './traffic';

const LABELS = 'destination_workload_namespace, destination_workload, destination_service_namespace, destination_service_name, request_protocol, response_code, grpc_response_status, connection_security_policy';

describe('inboundTrafficQuery', () => {
  const query = (namespaces: string, window: string) => {
    const requests = (reporter: string) => `istio_requests_total{reporter="${reporter}",destination_workload_namespace=~"${namespaces}"}[${window}]`;
    const receiver = 'destination_workload_namespace, destination_workload';
    return (
      `sum by (${LABELS}) (rate(${requests('destination')})) or ` +
      `sum by (${LABELS}) (rate(${requests('source')})) unless on (${receiver}) sum by (${receiver}) (rate(${requests('destination')}))`
    );
  };
  it.each([
    [['bookinfo'], 300, query('bookinfo', '5m')],
    [['bookinfo', 'travel', 'bookinfo'], 86400, query('bookinfo|travel', '1d')],
  ])("%o over %is: receivers' reports, and senders' reports only for workloads no receiver reported", (namespaces, duration, promql) => {
    expect(render(inboundTrafficQuery(namespaces, duration))).toBe(promql);
  });

  it('keeps one query however many namespaces, each name escaped inside its regex', () => {
    const many = Array.from({ length: 50 }, (_, i) => `ns-${i}`);
    const promql = render(inboundTrafficQuery([...many, 'x"} or vector(1)'], 60));
    expect(promql.match(/istio_requests_total/g)).toHaveLength(3);
    // Regex-escaped (`\}`, `\(`), then string-escaped (`\"`, `\\`): the value never leaves its string.
    expect(promql).toContain(String.raw`|ns-49|x\"\\} or vector\\(1\\)"}[1m]))`);
  });
});

describe('indexTraffic', () => {
  const sample = (labels: Record<string, string>, value: number) => ({ labels, value });
  const base = { destination_workload_namespace: 'bookinfo', destination_service_namespace: 'bookinfo', request_protocol: 'http', connection_security_policy: 'mutual_tls' };
  const index = indexTraffic([
    sample({ ...base, destination_workload: 'reviews-v1', destination_service_name: 'reviews', response_code: '200' }, 4),
    sample({ ...base, destination_workload: 'reviews-v2', destination_service_name: 'reviews', response_code: '503' }, 1),
    sample({ ...base, destination_workload: 'reviews-v2', destination_service_name: 'reviews', response_code: '200', connection_security_policy: 'none' }, 3),
    // A request to a pod IP: the workload is known, the service is not.
    sample({ ...base, destination_workload: 'ratings-v1', destination_service_name: 'unknown', response_code: '200' }, 2),
    sample({ ...base, destination_workload: 'ratings-v1', destination_service_name: 'ratings', response_code: '200' }, 0),
    sample({ ...base, destination_workload: 'ratings-v1', destination_service_name: 'ratings', response_code: '200' }, Number.NaN),
    sample({ ...base, destination_workload_namespace: 'travel', destination_service_namespace: 'travel', destination_workload: 'hotels-v1', destination_service_name: 'hotels', response_code: '404' }, 2),
  ]);

  it('adds up by workload, by service and by namespace', () => {
    expect(index.workloads.get(trafficKey('bookinfo', 'reviews-v2'))).toEqual({ tally: { total: 4, http5xx: 1, http4xx: 0, grpcOrNoResponse: 0 }, failed: 1, mtls: 1 });
    expect(index.services.get(trafficKey('bookinfo', 'reviews'))?.tally.total).toBe(8);
    expect(index.namespaces.get('bookinfo')).toEqual({ tally: { total: 10, http5xx: 1, http4xx: 0, grpcOrNoResponse: 0 }, failed: 1, mtls: 7 });
    expect(index.namespaces.get('travel')?.tally).toEqual({ total: 2, http5xx: 0, http4xx: 2, grpcOrNoResponse: 0 });
  });

  it('leaves out unknown services and samples without a positive rate', () => {
    expect([...index.services.keys()].sort()).toEqual(['bookinfo/reviews', 'travel/hotels']);
    expect(index.workloads.get(trafficKey('bookinfo', 'ratings-v1'))?.tally.total).toBe(2);
  });
});
