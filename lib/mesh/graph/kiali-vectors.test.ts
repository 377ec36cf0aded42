import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../lab/paths';
import { buildGraph } from './build';
import {
  compareGraphs,
  feedOf,
  kialiDestServices,
  normaliseKiali,
  normaliseOurs,
  parseKialiGraph,
  renameNodes,
  reporterOf,
  samplesFromRecorded,
  throughServices,
  type EdgeFacts,
  type FeedAs,
  type KialiGraph,
} from './kiali-fixtures';
import type { Graph } from './types';

// Kiali's own graph test vectors: the PromQL its backend issued, the vectors Prometheus answered, the graph it drew.
const KIALI = join(ROOT, '..', 'shared', 'reference', 'kiali-graph');
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(KIALI, ...path), 'utf8'));
const recorded = (name: string) => samplesFromRecorded(readJson('prometheus-mock-inputs', `${name}.queries.json`));
const expected = (name: string) => parseKialiGraph(readJson('graph-api-expected', `${name}.json`));

/** Our graph from a recorded input, for the graph type, moment and window of Kiali's expected answer. */
function build(inputs: string, kiali: KialiGraph, serviceNodes: boolean): Graph {
  const { traffic, throughput } = recorded(inputs);
  // Kiali's graph API defaults to `injectServiceNodes=false` (its UI asks for true); the expected graphs have no
  // injected service nodes, so the like-for-like comparison runs without them.
  return buildGraph({ graphType: kiali.graphType, namespaces: ['bookinfo'], duration: kiali.duration, timestamp: kiali.timestamp, traffic, throughput, serviceNodes, idleEdges: false });
}

/** Where our model legitimately differs from Kiali's; anything else that differs fails. */
interface KnownDifferences {
  /** Kiali's node key → ours, for a node both draw but name differently. */
  renames?: Record<string, string>;
  /** Nodes and edges only we draw. */
  onlyOurs?: string[];
  /** Edges whose share of the source's traffic differs (because of an edge only one side draws). */
  shareDiffers?: string[];
}

const SERVICE_GRAPH: KnownDifferences = {
  // Our service graph names every caller by its canonical service; Kiali keeps a caller that is no service's
  // destination (a root such as the ingress gateway) as its workload. Same edges and rates, another name.
  renames: { 'workload:istio-system:::ingressgateway-unknown:': 'service:istio-system::::ingressgateway' },
  // Kiali's service-graph reduction drops a workload that no Service fronts (it was reached by pod IP, so
  // `destination_service_name` is empty) together with its traffic; we keep it as a workload node so that no traffic
  // disappears from the graph...
  onlyOurs: ['unknown::::: → workload:bookinfo:::kiali-2412:: http', 'workload:bookinfo:::kiali-2412:'],
  // ...so the unknown source's other edge carries half its traffic for us, all of it for Kiali.
  shareDiffers: ['unknown::::: → service:bookinfo::::productpage: http'],
};

// [inputs, Kiali's expected graph, known differences]. The namespace graphs are bookinfo's; the node graphs are
// productpage v1's neighbourhood, which our builder draws from the same kind of samples without a node-focused API
// (Kiali does not reduce its service node graph to services, so that one is a workload graph).
const CASES: [string, string, KnownDifferences][] = [
  ['mockNamespaceRatesGraph', 'test_app_graph', {}],
  ['mockNamespaceRatesGraph', 'test_versioned_app_graph', {}],
  ['mockNamespaceRatesGraph', 'test_workload_graph', {}],
  ['mockNamespaceRatesGraph', 'test_service_graph', SERVICE_GRAPH],
  ['TestAppNodeGraph', 'test_app_node_graph', {}],
  ['TestVersionedAppNodeGraph', 'test_versioned_app_node_graph', {}],
  ['TestWorkloadNodeGraph', 'test_workload_node_graph', {}],
  ['TestServiceNodeGraph', 'test_service_node_graph', {}],
];

describe("the topology builder on Kiali's test vectors", () => {
  it.each(CASES)('%s → %s: same nodes, edges, rates and shares', (inputs, name, known) => {
    const kiali = expected(name);
    const ours = build(inputs, kiali, false);
    expect([ours.timestamp, ours.duration]).toEqual([kiali.timestamp, kiali.duration]);
    const theirs = renameNodes(normaliseKiali(kiali), known.renames ?? {});
    expect(theirs.edges.size).toBeGreaterThan(0);
    expect(compareGraphs(normaliseOurs(ours), theirs)).toEqual({
      onlyOurs: [...(known.onlyOurs ?? [])].sort(),
      onlyKiali: [],
      mismatches: [],
      shareDiffers: known.shareDiffers ?? [],
    });
  });

  it.each(['test_app_graph', 'test_versioned_app_graph', 'test_workload_graph'])(
    '%s with service nodes: each hop runs through the service Kiali lists for its destination',
    (name) => {
      const kiali = expected(name);
      const ours = normaliseOurs(build('mockNamespaceRatesGraph', kiali, true));
      const want = throughServices(normaliseKiali(kiali), kialiDestServices(kiali));
      expect([...ours.edges.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, facts] of ours.edges) expect(facts.rate, k).toBeCloseTo(want.get(k) ?? NaN, 6);
    },
  );

  it("puts sent + received TCP bytes in throughput, as Kiali's rateTcp=total graph counts them", () => {
    const ours = normaliseOurs(build('mockNamespaceRatesGraph', expected('test_workload_graph'), false));
    const total = normaliseKiali(expected('test_rates_total_graph'));
    const tcp = (edges: Map<string, EdgeFacts>, pick: 'rate' | 'throughput') =>
      Object.fromEntries([...edges].filter(([k]) => k.endsWith(': tcp')).map(([k, f]) => [k, f[pick]]));
    expect(tcp(ours.edges, 'throughput')).toEqual(tcp(total.edges, 'rate'));
    expect(Object.keys(tcp(ours.edges, 'throughput'))).toHaveLength(3);
  });

  it('feeds every recorded sample but the gRPC message counts', () => {
    const { traffic, throughput, skipped } = recorded('mockNamespaceRatesGraph');
    // 17 + 17 request series, 3 + 1 received-bytes series; throughput adds the 3 + 1 sent-bytes series.
    expect([traffic.length, throughput.length, skipped]).toEqual([38, 8, ['q9', 'q10', 'q11', 'q12', 'q13', 'q14']]);
  });
});

describe('reading a recorded query', () => {
  it.each([
    ['sum(rate(istio_requests_total{reporter="source",source_workload_namespace="bookinfo"} [600s]))', 'source'],
    ['sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"} [600s]))', 'destination'],
    ['sum(rate(istio_requests_total{reporter=~"waypoint|destination",destination_canonical_service="x"} [600s]))', 'destination'],
    ['sum(rate(istio_requests_total{reporter=~"waypoint|source",source_canonical_service="x"} [600s]))', 'source'],
  ] as const)('%s reads from the %s reporter', (query, reporter) => {
    expect(reporterOf(query)).toBe(reporter);
  });

  it.each([
    ['sum(rate(istio_requests_total{reporter=~"source|destination"} [600s]))', /no single side/],
    ['sum(rate(istio_requests_total{reporter!="source"} [600s]))', /no usable reporter/],
    ['sum(rate(istio_requests_total{destination_workload="x"} [600s]))', /no usable reporter/],
  ])('%s is refused', (query, error) => {
    expect(() => reporterOf(query)).toThrow(error);
  });

  it.each([
    ['istio_requests_total', 'traffic'],
    ['istio_tcp_received_bytes_total', 'tcpTrafficAndThroughput'],
    ['istio_tcp_sent_bytes_total', 'throughput'],
    ['istio_request_messages_total', 'skipped'],
    ['istio_response_messages_total', 'skipped'],
  ] satisfies [string, FeedAs][])('%s is fed as %s', (metric, feed) => {
    expect(feedOf(`round(sum(rate(${metric}{reporter="source"} [600s])) by (app) > 0,0.001)`)).toBe(feed);
  });
});
