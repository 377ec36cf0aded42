// The topology graph and the golden-signal metrics (DESIGN §4), as lib/mesh/graph/params.ts and
// lib/mesh/metrics/params.ts accept them and lib/mesh/graph/types.ts and lib/mesh/metrics/types.ts shape them.

import { GRAPH_TYPES } from '../mesh/graph/types';
import { DIRECTIONS, METRIC_KINDS, METRIC_NAMES } from '../mesh/metrics/types';
import { bool, csvParam, DNS_LABEL, durationSchema, int, json, list, map, num, obj, pathParam, queryParam, ref, share, str, upstreamErrors } from './builders';
import type { Parameter, PathItem, Schema } from './types';

const queryTime: Parameter = queryParam(
  'queryTime',
  { type: 'integer', minimum: 1, description: 'Unix seconds; at most a minute in the future.' },
  'The moment to show; now when absent.',
);

/** The graph and metrics schemas. */
export const graphSchemas: Record<string, Schema> = {
  GraphNode: obj(
    {
      id: str,
      nodeType: { type: 'string', enum: ['app', 'workload', 'service', 'unknown'] },
      namespace: str,
      cluster: str,
      app: str,
      version: str,
      workload: str,
      service: str,
      health: ref('Health'),
      isRoot: bool,
      isOutsideMesh: bool,
      isOutsideNamespaces: bool,
      isIdle: bool,
      inRps: num,
      outRps: num,
      inErrorRate: num,
    },
    ['id', 'nodeType', 'namespace', 'health', 'inRps', 'outRps', 'inErrorRate'],
  ),
  GraphEdge: obj(
    {
      id: str,
      source: str,
      target: str,
      protocol: { type: 'string', enum: ['http', 'grpc', 'tcp'] },
      rps: num,
      errorRate: share,
      responseCodes: map(num, 'Requests per second by response code or gRPC status.'),
      responseFlags: map(num, 'Requests per second by Envoy response flags.'),
      latencyMs: ref('LatencyQuantiles'),
      throughputBps: num,
      mtlsShare: share,
      sourceShare: share,
    },
    ['id', 'source', 'target', 'protocol', 'rps', 'errorRate', 'responseCodes', 'responseFlags', 'mtlsShare', 'sourceShare'],
  ),
  Graph: obj({
    timestamp: { type: 'integer', description: 'Unix seconds of the moment the graph describes.' },
    duration: { type: 'integer', description: 'Seconds the rates are averaged over.' },
    graphType: { type: 'string', enum: GRAPH_TYPES },
    namespaces: list(str),
    nodes: list(ref('GraphNode')),
    edges: list(ref('GraphEdge')),
  }),
  Metric: obj({ unit: { type: 'string', enum: ['rps', 'percent', 'ms', 'bytes', 'Bps'] }, series: list(ref('Series')) }),
  Peer: obj({ namespace: str, kind: { type: 'string', enum: METRIC_KINDS }, name: str }),
  GoldenSignals: obj(
    {
      namespace: str,
      kind: { type: 'string', enum: METRIC_KINDS },
      name: str,
      direction: { type: 'string', enum: DIRECTIONS },
      peer: ref('Peer'),
      byVersion: bool,
      start: int,
      end: int,
      step: int,
      rateWindow: int,
      metrics: obj(Object.fromEntries(METRIC_NAMES.map((m) => [m, ref('Metric')]))),
    },
    ['namespace', 'kind', 'name', 'direction', 'byVersion', 'start', 'end', 'step', 'rateWindow', 'metrics'],
  ),
};

const boolParam = (name: string, description: string) => queryParam(name, { type: 'boolean', default: false }, description);

/** `/api/graph` and the metrics route. */
export const graphPaths: Record<string, PathItem> = {
  '/api/graph': {
    get: {
      operationId: 'getGraph',
      tags: ['graph'],
      summary: 'The traffic topology of the chosen namespaces',
      parameters: [
        csvParam('namespaces', DNS_LABEL, 'Namespaces to draw, comma-separated.', { required: true, maxItems: 100 }),
        queryParam('graphType', { type: 'string', enum: GRAPH_TYPES, default: 'versionedApp' }, 'How nodes are grouped.'),
        queryParam('duration', durationSchema('300', '1m to 1d'), 'Traffic window the rates are averaged over.'),
        queryTime,
        boolParam('idleEdges', 'Also show edges that carried no traffic in the window.'),
        boolParam('serviceNodes', 'Insert service nodes between callers and workloads.'),
        csvParam('edgeLabels', { type: 'string', enum: ['latency', 'throughput'] }, 'Extra edge measures to compute.'),
      ],
      responses: { '200': json('The graph.', ref('Graph')), ...upstreamErrors() },
    },
  },
  '/api/namespaces/{namespace}/{kind}/{name}/metrics': {
    get: {
      operationId: 'getMetrics',
      tags: ['metrics'],
      summary: 'Golden-signal series of a service, workload or app',
      parameters: [
        pathParam('namespace', DNS_LABEL, 'Namespace of the item.'),
        pathParam('kind', { type: 'string', enum: METRIC_KINDS }, 'What the item is.'),
        pathParam('name', DNS_LABEL, 'Name of the service, workload or app.'),
        queryParam('direction', { type: 'string', enum: DIRECTIONS, default: 'inbound' }, 'Traffic received or sent; services only have inbound.'),
        queryParam('duration', durationSchema('600', '1m to 7d'), 'History to chart.'),
        queryParam(
          'step',
          { type: 'string', pattern: '^\\d{1,6}[smhd]?$', description: 'At least 1s, at most the duration, at most 11000 points.' },
          'Seconds between points; chosen from the duration when absent.',
        ),
        queryTime,
        boolParam('byVersion', 'Split every series by version.'),
        queryParam('peerNamespace', DNS_LABEL, 'Restrict to traffic with one peer: its namespace (with peerKind and peerName).'),
        queryParam('peerKind', { type: 'string', enum: METRIC_KINDS }, 'The peer’s kind; inbound peers are apps or workloads.'),
        queryParam('peerName', DNS_LABEL, 'The peer’s name.'),
      ],
      responses: { '200': json('The series.', ref('GoldenSignals')), ...upstreamErrors() },
    },
  },
};
