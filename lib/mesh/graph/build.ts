import { requestHealth, worstHealth, type RequestTally } from '../health';
import { bucketsOf, mergeBuckets, quantileFromBuckets } from '../histogram';
import type { Graph, GraphEdge, GraphNode, GraphType, Protocol } from './types';

/** One series of an instant vector: its labels and value (a per-second rate). */
export interface TrafficSample {
  labels: Record<string, string>;
  value: number;
}

/** What the graph is built from: the base traffic and, when asked for, latency buckets and throughput. */
export interface GraphBuildInput {
  graphType: GraphType;
  namespaces: string[];
  duration: number;
  timestamp: number;
  /** Request rates (HTTP, gRPC) and TCP connection rates, each sample carrying its `reporter`. */
  traffic: TrafficSample[];
  /** `istio_request_duration_milliseconds_bucket` rates by `le`, reporter and edge labels. */
  latency?: TrafficSample[];
  /** Bytes per second by reporter and edge labels. */
  throughput?: TrafficSample[];
  serviceNodes: boolean;
  idleEdges: boolean;
}

const UNKNOWN = 'unknown';

/** The workload-level identity of one hop; both reporters describe it with the same labels. */
function edgeKey(l: Record<string, string>): string {
  return [l.source_workload_namespace, l.source_workload, l.destination_workload_namespace, l.destination_workload, l.destination_service_namespace, l.destination_service_name].join('|');
}

/**
 * Which reporter speaks for each hop: the destination's proxy when it reported (it saw what arrived), else the
 * source's (requests that failed before arriving, or reached a workload without a sidecar). Never both.
 */
function reporterByKey(samples: readonly TrafficSample[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const s of samples) {
    const key = edgeKey(s.labels);
    if (s.labels.reporter === 'destination' || !chosen.has(key)) chosen.set(key, s.labels.reporter ?? 'source');
  }
  return chosen;
}

function protocolOf(l: Record<string, string>): Protocol {
  return l.request_protocol === 'grpc' ? 'grpc' : l.request_protocol === 'tcp' ? 'tcp' : 'http';
}

interface NodeRef {
  id: string;
  node: Omit<GraphNode, 'health' | 'inRps' | 'outRps' | 'inErrorRate'>;
}

function serviceNode(ns: string, service: string): NodeRef {
  return { id: `svc:${ns}:${service}`, node: { id: `svc:${ns}:${service}`, nodeType: 'service', namespace: ns, service } };
}

function unknownNode(): NodeRef {
  return { id: UNKNOWN, node: { id: UNKNOWN, nodeType: 'unknown', namespace: UNKNOWN, isOutsideMesh: true } };
}

/** Whether a label names something (Istio writes `unknown`, or nothing, when it could not tell). */
function known(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== UNKNOWN;
}

/** The node a workload stands for in a graph type (`side` picks source_* or destination_* labels). */
function workloadNode(type: GraphType, l: Record<string, string>, side: 'source' | 'destination'): NodeRef {
  const ns = l[`${side}_workload_namespace`] ?? UNKNOWN;
  const workload = l[`${side}_workload`] ?? UNKNOWN;
  const app = l[`${side}_canonical_service`] ?? UNKNOWN;
  const version = l[`${side}_canonical_revision`] ?? UNKNOWN;
  if (workload === UNKNOWN) return unknownNode();
  // A workload without an app (canonical service) stays itself rather than joining a nameless app or service, as in Kiali.
  if (type === 'workload' || !known(app)) {
    return { id: `wl:${ns}:${workload}`, node: { id: `wl:${ns}:${workload}`, nodeType: 'workload', namespace: ns, workload, app, version } };
  }
  switch (type) {
    case 'app':
      return { id: `app:${ns}:${app}`, node: { id: `app:${ns}:${app}`, nodeType: 'app', namespace: ns, app } };
    case 'versionedApp':
      return { id: `va:${ns}:${app}:${version}`, node: { id: `va:${ns}:${app}:${version}`, nodeType: 'app', namespace: ns, app, version, workload } };
    case 'service':
      // A service graph names callers by the service they belong to (canonical service).
      return serviceNode(ns, app);
  }
}

interface EdgeAcc {
  source: string;
  target: string;
  protocol: Protocol;
  tally: RequestTally;
  codes: Record<string, number>;
  flags: Record<string, number>;
  mtls: number;
  buckets: Map<number, number>;
  throughput: number;
  hasThroughput: boolean;
}

function isError(l: Record<string, string>): { http5xx: boolean; http4xx: boolean; grpc: boolean } {
  const code = Number(l.response_code ?? '200');
  const grpc = l.request_protocol === 'grpc' && l.grpc_response_status !== undefined && l.grpc_response_status !== '' && l.grpc_response_status !== '0';
  return { http5xx: code >= 500, http4xx: code >= 400 && code < 500, grpc: grpc || (l.request_protocol !== 'tcp' && code === 0) };
}

/** Builds the topology from Prometheus samples; linear in the number of samples. */
export function buildGraph(input: GraphBuildInput): Graph {
  const traffic = input.idleEdges ? input.traffic : input.traffic.filter((s) => s.value > 0);
  const reporters = reporterByKey(traffic);
  const nodes = new Map<string, NodeRef['node']>();
  const edges = new Map<string, EdgeAcc>();
  const routesByKey = new Map<string, EdgeAcc[]>();
  const wantServiceNodes = input.serviceNodes && input.graphType !== 'service';

  const edgeFor = (from: NodeRef, to: NodeRef, protocol: Protocol): EdgeAcc => {
    nodes.set(from.id, nodes.get(from.id) ?? from.node);
    nodes.set(to.id, nodes.get(to.id) ?? to.node);
    const id = `${from.id}>${to.id}:${protocol}`;
    let e = edges.get(id);
    if (!e) {
      e = { source: from.id, target: to.id, protocol, tally: { total: 0, http5xx: 0, http4xx: 0, grpcOrNoResponse: 0 }, codes: {}, flags: {}, mtls: 0, buckets: new Map(), throughput: 0, hasThroughput: false };
      edges.set(id, e);
    }
    return e;
  };

  /** The graph edges one hop's traffic is drawn on (two when a service node sits between). */
  const routeOf = (l: Record<string, string>): EdgeAcc[] => {
    const key = `${edgeKey(l)}|${protocolOf(l)}`;
    const cached = routesByKey.get(key);
    if (cached) return cached;
    const protocol = protocolOf(l);
    const from = workloadNode(input.graphType, l, 'source');
    const svcNs = l.destination_service_namespace ?? UNKNOWN;
    const svcName = l.destination_service_name ?? UNKNOWN;
    const arrived = (l.destination_workload ?? UNKNOWN) !== UNKNOWN;
    // A request that reached a workload no service fronts (e.g. by pod IP) is drawn to that workload, never to a nameless service.
    const viaService = known(svcName);
    const to = arrived && (input.graphType !== 'service' || !viaService)
      ? workloadNode(input.graphType === 'service' ? 'workload' : input.graphType, l, 'destination')
      : serviceNode(svcNs, svcName);
    const route = wantServiceNodes && arrived && viaService
      ? [edgeFor(from, serviceNode(svcNs, svcName), protocol), edgeFor(serviceNode(svcNs, svcName), to, protocol)]
      : [edgeFor(from, to, protocol)];
    routesByKey.set(key, route);
    return route;
  };

  for (const s of traffic) {
    if (reporters.get(edgeKey(s.labels)) !== (s.labels.reporter ?? 'source')) continue;
    const err = isError(s.labels);
    const code = s.labels.request_protocol === 'grpc' ? `grpc:${s.labels.grpc_response_status ?? ''}` : s.labels.response_code ?? '';
    const flags = s.labels.response_flags ?? '-';
    for (const e of routeOf(s.labels)) {
      e.tally.total += s.value;
      if (err.http5xx) e.tally.http5xx += s.value;
      if (err.http4xx) e.tally.http4xx += s.value;
      if (err.grpc) e.tally.grpcOrNoResponse += s.value;
      if (e.protocol !== 'tcp') e.codes[code] = (e.codes[code] ?? 0) + s.value;
      if (flags !== '-' && flags !== '') e.flags[flags] = (e.flags[flags] ?? 0) + s.value;
      if (s.labels.connection_security_policy === 'mutual_tls') e.mtls += s.value;
    }
  }
  // Latency and throughput only annotate hops the traffic drew; their queries carry just the labels that find them.
  const drawnRoute = (l: Record<string, string>): EdgeAcc[] =>
    reporters.get(edgeKey(l)) === (l.reporter ?? 'source') ? (routesByKey.get(`${edgeKey(l)}|${protocolOf(l)}`) ?? []) : [];
  for (const s of input.latency ?? []) {
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    if (Number.isNaN(le)) continue;
    for (const e of drawnRoute(s.labels)) mergeBuckets(e.buckets, le, s.value);
  }
  for (const s of input.throughput ?? []) {
    for (const e of drawnRoute(s.labels)) {
      e.throughput += s.value;
      e.hasThroughput = true;
    }
  }
  return assemble(input, nodes, [...edges.entries()]);
}

function assemble(input: GraphBuildInput, nodeRefs: Map<string, NodeRef['node']>, edgeAccs: [string, EdgeAcc][]): Graph {
  const inbound = new Map<string, RequestTally>();
  const outbound = new Map<string, RequestTally>();
  const add = (map: Map<string, RequestTally>, id: string, t: RequestTally) => {
    const cur = map.get(id) ?? { total: 0, http5xx: 0, http4xx: 0, grpcOrNoResponse: 0 };
    map.set(id, { total: cur.total + t.total, http5xx: cur.http5xx + t.http5xx, http4xx: cur.http4xx + t.http4xx, grpcOrNoResponse: cur.grpcOrNoResponse + t.grpcOrNoResponse });
  };
  // Shares are taken within one protocol (as Kiali's `httpPercentReq`): TCP counts connections, not requests.
  const outboundByProtocol = new Map<string, number>();
  for (const [, e] of edgeAccs) {
    add(inbound, e.target, e.tally);
    add(outbound, e.source, e.tally);
    outboundByProtocol.set(`${e.source}|${e.protocol}`, (outboundByProtocol.get(`${e.source}|${e.protocol}`) ?? 0) + e.tally.total);
  }
  const selected = new Set(input.namespaces);
  const nodes: GraphNode[] = [...nodeRefs.values()].map((n) => {
    const inT = inbound.get(n.id);
    const outT = outbound.get(n.id);
    const node: GraphNode = {
      ...n,
      health: worstHealth(inT ? requestHealth(inT) : 'na', outT ? requestHealth(outT) : 'na'),
      inRps: inT?.total ?? 0,
      outRps: outT?.total ?? 0,
      inErrorRate: inT && inT.total > 0 ? (inT.http5xx + inT.grpcOrNoResponse) / inT.total : 0,
    };
    if (!inT) node.isRoot = true;
    if (n.namespace !== UNKNOWN && !selected.has(n.namespace)) node.isOutsideNamespaces = true;
    if (input.idleEdges && (inT?.total ?? 0) === 0 && (outT?.total ?? 0) === 0) node.isIdle = true;
    return node;
  });
  const edges: GraphEdge[] = edgeAccs.map(([id, e]) => {
    const total = e.tally.total;
    const edge: GraphEdge = {
      id,
      source: e.source,
      target: e.target,
      protocol: e.protocol,
      rps: total,
      errorRate: total > 0 ? (e.tally.http5xx + e.tally.grpcOrNoResponse) / total : 0,
      responseCodes: e.codes,
      responseFlags: e.flags,
      mtlsShare: total > 0 ? e.mtls / total : 0,
      sourceShare: total > 0 ? total / (outboundByProtocol.get(`${e.source}|${e.protocol}`) ?? total) : 0,
    };
    if (e.buckets.size > 0) {
      const buckets = bucketsOf(e.buckets);
      const q = (x: number) => quantileFromBuckets(x, buckets);
      if (!Number.isNaN(q(0.5))) edge.latencyMs = { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
    }
    if (e.hasThroughput) edge.throughputBps = e.throughput;
    return edge;
  });
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return { timestamp: input.timestamp, duration: input.duration, graphType: input.graphType, namespaces: input.namespaces, nodes, edges };
}
