// Measurements of a scrape at the large scenario's size. They print; they never assert on time.

import { describe, expect, it } from 'vitest';
import { MeshMetrics, type MeshMetricsOptions, type RequestLabels } from './metrics';

/** Request labels of edge `edge` of a 1,000-workload mesh in 50 namespaces, about 5 edges per workload. */
function edgeLabels(edge: number, reporter: RequestLabels['reporter']): RequestLabels {
  const from = edge % 1000;
  const to = (from + 1 + Math.floor(edge / 1000) * 97) % 1000;
  const [srcNs, dstNs] = [`team-${from % 50}`, `team-${to % 50}`];
  const [src, dst] = [`service-${from}`, `service-${to}`];
  return {
    reporter,
    source_workload: `${src}-v1`,
    source_workload_namespace: srcNs,
    source_principal: `spiffe://cluster.local/ns/${srcNs}/sa/${src}`,
    source_app: src,
    source_version: 'v1',
    source_canonical_service: src,
    source_canonical_revision: 'v1',
    source_cluster: 'Kubernetes',
    destination_workload: `${dst}-v1`,
    destination_workload_namespace: dstNs,
    destination_principal: `spiffe://cluster.local/ns/${dstNs}/sa/${dst}`,
    destination_app: dst,
    destination_version: 'v1',
    destination_service: `${dst}.${dstNs}.svc.cluster.local`,
    destination_service_name: dst,
    destination_service_namespace: dstNs,
    destination_canonical_service: dst,
    destination_canonical_revision: 'v1',
    destination_cluster: 'Kubernetes',
    request_protocol: 'http',
    response_code: '200',
    grpc_response_status: '',
    response_flags: '-',
    connection_security_policy: reporter === 'source' ? 'unknown' : 'mutual_tls',
  };
}

function countSampleLines(text: string): number {
  let lines = 0;
  for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    if (text[start] !== '#') lines++;
  }
  return lines;
}

describe('render at scale (measurements, no time assertions)', () => {
  it('renders ~85k series into one string and reports time and size', () => {
    const m = new MeshMetrics();
    let edge = 0;
    while (m.seriesCount() < 85_000) {
      for (const reporter of ['source', 'destination'] as const) m.requestSeries(edgeLabels(edge, reporter)).observe(edge % 300, 200 + edge, 1500 + edge);
      edge++;
    }
    const started = performance.now();
    const text = m.render();
    const elapsedMs = performance.now() - started;
    const bytes = Buffer.byteLength(text);
    console.log(
      `render(): ${m.seriesCount()} series (${edge * 2} request label sets) in ${elapsedMs.toFixed(0)} ms, ` +
        `${(bytes / 2 ** 20).toFixed(1)} MiB, ${(bytes / m.seriesCount()).toFixed(0)} B/series`,
    );
    expect(countSampleLines(text)).toBe(m.seriesCount());
    expect(m.seriesCount()).toBeGreaterThanOrEqual(85_000);
    expect(bytes).toBeGreaterThan(m.seriesCount() * 100);
  });

  it('streams 5,000 edges × 2 reporters with the full histogram set through chunks()', () => {
    const m = new MeshMetrics({ processMetrics: false });
    for (let edge = 0; edge < 5000; edge++) {
      for (const reporter of ['source', 'destination'] as const) m.requestSeries(edgeLabels(edge, reporter)).observe(12, 300, 1500);
    }
    let bytes = 0;
    let chunks = 0;
    let newlines = 0;
    const started = performance.now();
    for (const chunk of m.chunks()) {
      chunks++;
      bytes += Buffer.byteLength(chunk);
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) newlines++;
    }
    const elapsedMs = performance.now() - started;
    console.log(
      `chunks(): ${m.seriesCount()} series in ${elapsedMs.toFixed(0)} ms (counting included), ` +
        `${(bytes / 2 ** 20).toFixed(1)} MiB in ${chunks} chunks`,
    );
    expect(m.seriesCount()).toBe(10_000 * 67);
    expect(newlines).toBe(m.seriesCount() + 4 * 2);
  });
});

describe('MeshMetrics options for large meshes', () => {
  const labels = {
    reporter: 'destination', source_workload: 'a', source_workload_namespace: 'n', source_principal: 'p', source_app: 'a',
    source_version: 'v1', source_canonical_service: 'a', source_canonical_revision: 'v1', source_cluster: 'c',
    destination_workload: 'b', destination_workload_namespace: 'n', destination_principal: 'p', destination_app: 'b',
    destination_version: 'v1', destination_service: 'b.n.svc.cluster.local', destination_service_name: 'b',
    destination_service_namespace: 'n', destination_canonical_service: 'b', destination_canonical_revision: 'v1',
    destination_cluster: 'c', request_protocol: 'http', response_code: '200', grpc_response_status: '',
    response_flags: '-', connection_security_policy: 'mutual_tls',
  } as const;

  it.each<[MeshMetricsOptions, number]>([
    [{}, 1 + 22 * 3],
    [{ byteHistograms: false }, 1 + 22],
    [{ byteHistograms: false, durationBucketsMs: [10, 100, 1000] }, 1 + 6],
  ])('%o renders and counts %i series per request label set', (options, perSet) => {
    const m = new MeshMetrics({ processMetrics: false, ...options });
    m.requestSeries(labels).observe(50, 10, 10);
    const lines = m.render().split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toHaveLength(perSet);
    expect(m.seriesCount()).toBe(perSet);
    expect(lines.some((l) => l.startsWith('istio_request_bytes'))).toBe(options.byteHistograms !== false);
  });
});
