// The large scenario as the console's workload graph, worked out from the simulator's generator rather than from
// a running lab: the rendering benchmark then needs no Prometheus, and the same seed always gives the same graph.

import { expectedRequestRates } from '../../lab/simulator/expected-rates';
import { generateLargeMesh } from '../../lab/simulator/large-mesh';
import { INGRESS_GATEWAY, type Scenario, type WorkloadSpec } from '../../lab/simulator/model';
import { LARGE_MESH_DEFAULTS } from '../../lab/simulator/scenario';
import { serviceBackends, serviceKey, workloadKey } from '../../lab/simulator/topology';
import type { Position } from '../../components/graph/placement';
import { requestHealth, worstHealth, type RequestTally } from '../../lib/mesh/health';
import type { Graph, GraphEdge, GraphNode, Protocol } from '../../lib/mesh/graph/types';

const UNKNOWN_ID = 'unknown';
const GATEWAY_ID = `wl:${INGRESS_GATEWAY.namespace}:${INGRESS_GATEWAY.workload}`;

// Node ids as lib/mesh/graph/build.ts makes them for a workload graph, so labels and classes come out as in the app.
const workloadId = (namespace: string, workload: string) => `wl:${namespace}:${workload}`;

function tally(total: number, errorRate: number, protocol: Protocol): RequestTally {
  const failed = total * errorRate;
  return { total, http5xx: protocol === 'http' ? failed : 0, http4xx: 0, grpcOrNoResponse: protocol === 'grpc' ? failed : 0 };
}

function responseCodes(rps: number, errorRate: number, protocol: Protocol): Record<string, number> {
  if (protocol === 'tcp') return {};
  const [ok, failed] = protocol === 'grpc' ? ['0', '13'] : ['200', '500'];
  return errorRate > 0 ? { [ok]: rps * (1 - errorRate), [failed]: rps * errorRate } : { [ok]: rps };
}

interface EdgeDraft {
  source: string;
  target: string;
  protocol: Protocol;
  rps: number;
  errorRate: number;
  mtls: boolean;
  spec: WorkloadSpec;
  bytesPerCall: number;
}

/**
 * The workload graph of a generated mesh on paper: one node per workload (plus the ingress gateway and `unknown`
 * for traffic from outside), one edge per caller → selected workload, carrying the expected rate of that hop.
 * Rates follow expected-rates.ts (a service's traffic split evenly over its workloads); an edge fails at the
 * target workload's own error rate; every sidecar-to-sidecar hop is mutual TLS.
 */
export function graphFromScenario(scenario: Scenario): Graph {
  const rates = expectedRequestRates(scenario);
  const backends = serviceBackends(scenario);
  const protocolOf = new Map(scenario.namespaces.flatMap((ns) => ns.services.map((s) => [serviceKey(ns.name, s.name), s.protocol] as const)));
  const drafts: EdgeDraft[] = [];
  const send = (source: string, namespace: string, service: string, rate: number, mtls: boolean, bytesPerCall = 0) => {
    const selected = backends.get(serviceKey(namespace, service)) ?? [];
    const protocol = protocolOf.get(serviceKey(namespace, service)) ?? 'http';
    for (const b of selected) {
      drafts.push({
        source,
        target: workloadId(b.namespace, b.spec.name),
        protocol,
        rps: rate / selected.length,
        errorRate: protocol === 'tcp' ? 0 : b.spec.errorRate,
        mtls,
        spec: b.spec,
        bytesPerCall: protocol === 'tcp' ? bytesPerCall : b.spec.requestBytes + b.spec.responseBytes,
      });
    }
  };
  for (const entry of scenario.entries) {
    const ingress = entry.via === 'ingress';
    send(ingress ? GATEWAY_ID : UNKNOWN_ID, entry.namespace, entry.service, entry.ratePerSecond, ingress);
  }
  for (const ns of scenario.namespaces) {
    for (const w of ns.workloads) {
      const rate = rates.get(workloadKey(ns.name, w.name)) ?? 0;
      for (const call of w.calls) {
        const bytes = call.tcpBytes ? call.tcpBytes.sent + call.tcpBytes.received : 0;
        send(workloadId(ns.name, w.name), call.namespace, call.service, rate * call.perRequest, w.sidecar, bytes);
      }
    }
  }

  // Calls of two versions to one service, or one app calling twice, land on the same edge: merge them, as build.ts does.
  const merged = new Map<string, EdgeDraft>();
  for (const d of drafts) {
    const id = `${d.source}>${d.target}:${d.protocol}`;
    const prev = merged.get(id);
    if (prev) prev.rps += d.rps;
    else merged.set(id, { ...d });
  }
  const outByProtocol = new Map<string, number>();
  const inbound = new Map<string, RequestTally[]>();
  const outbound = new Map<string, RequestTally[]>();
  for (const d of merged.values()) {
    outByProtocol.set(`${d.source}|${d.protocol}`, (outByProtocol.get(`${d.source}|${d.protocol}`) ?? 0) + d.rps);
    inbound.set(d.target, [...(inbound.get(d.target) ?? []), tally(d.rps, d.errorRate, d.protocol)]);
    outbound.set(d.source, [...(outbound.get(d.source) ?? []), tally(d.rps, d.errorRate, d.protocol)]);
  }
  const edges: GraphEdge[] = [...merged.entries()].map(([id, d]) => ({
    id,
    source: d.source,
    target: d.target,
    protocol: d.protocol,
    rps: d.rps,
    errorRate: d.errorRate,
    responseCodes: responseCodes(d.rps, d.errorRate, d.protocol),
    responseFlags: {},
    ...(d.protocol === 'tcp'
      ? { throughputBps: d.rps * d.bytesPerCall }
      : { latencyMs: { p50: d.spec.latency.medianMs, p95: d.spec.latency.p99Ms * 0.6, p99: d.spec.latency.p99Ms } }),
    mtlsShare: d.mtls ? 1 : 0,
    sourceShare: d.rps / (outByProtocol.get(`${d.source}|${d.protocol}`) || d.rps || 1),
  }));

  const sum = (ts: RequestTally[] | undefined): RequestTally | undefined =>
    ts?.reduce((a, t) => ({ total: a.total + t.total, http5xx: a.http5xx + t.http5xx, http4xx: 0, grpcOrNoResponse: a.grpcOrNoResponse + t.grpcOrNoResponse }));
  const bases: Omit<GraphNode, 'health' | 'inRps' | 'outRps' | 'inErrorRate'>[] = [
    { id: UNKNOWN_ID, nodeType: 'unknown', namespace: UNKNOWN_ID, isOutsideMesh: true },
    { id: GATEWAY_ID, nodeType: 'workload', namespace: INGRESS_GATEWAY.namespace, workload: INGRESS_GATEWAY.workload, app: INGRESS_GATEWAY.app, version: INGRESS_GATEWAY.version, isOutsideNamespaces: true },
    ...scenario.namespaces.flatMap((ns) =>
      ns.workloads.map((w) => ({ id: workloadId(ns.name, w.name), nodeType: 'workload' as const, namespace: ns.name, workload: w.name, app: w.app, version: w.version })),
    ),
  ];
  const nodes: GraphNode[] = bases.map((n) => {
    const inT = sum(inbound.get(n.id));
    const outT = sum(outbound.get(n.id));
    return {
      ...n,
      health: worstHealth(inT ? requestHealth(inT) : 'na', outT ? requestHealth(outT) : 'na'),
      inRps: inT?.total ?? 0,
      outRps: outT?.total ?? 0,
      inErrorRate: inT && inT.total > 0 ? (inT.http5xx + inT.grpcOrNoResponse) / inT.total : 0,
      ...(inT ? {} : { isRoot: true }),
    };
  });
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return { timestamp: 1_700_000_000, duration: 300, graphType: 'workload', namespaces: scenario.namespaces.map((n) => n.name), nodes, edges };
}

/** The large scenario's workload graph (LARGE_MESH_DEFAULTS: 1,000 workloads, seed 1). */
export function largeGraph(): Graph {
  return graphFromScenario(generateLargeMesh({ ...LARGE_MESH_DEFAULTS }));
}

/**
 * Positions in the spirit of the dagre layout, computed once so no layout is timed: inside a namespace's block one
 * column per call depth (traffic left to right), nodes stacked in each column; blocks tiled in rows so the whole
 * is about as wide as `aspect` says, which keeps the fitted zoom above the component's minZoom (0.1).
 */
export function layeredPositions(graph: Graph, aspect = 1280 / 800, spacing = 110): Record<string, Position> {
  const callees = new Map<string, string[]>();
  for (const e of graph.edges) callees.set(e.source, [...(callees.get(e.source) ?? []), e.target]);
  const depth = new Map<string, number>();
  // The generator's calls only go deeper, so longest-path depth by repeated relaxation ends within a few rounds.
  for (const n of graph.nodes) if (n.isRoot) depth.set(n.id, 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [source, targets] of callees) {
      const d = depth.get(source);
      if (d === undefined) continue;
      for (const t of targets) {
        if ((depth.get(t) ?? -1) < d + 1) {
          depth.set(t, d + 1);
          changed = true;
        }
      }
    }
  }
  const column = new Map<string, number>();
  const row = new Map<string, number>();
  for (const n of graph.nodes) {
    const key = `${n.namespace}|${depth.get(n.id) ?? 0}`;
    row.set(n.id, column.get(key) ?? 0);
    column.set(key, (column.get(key) ?? 0) + 1);
  }
  const namespaces = [...new Set(graph.nodes.map((n) => n.namespace))].sort();
  const rowGap = spacing * 0.6;
  const blockWidth = (Math.max(...depth.values()) + 2) * spacing;
  const blockHeight = (Math.max(...column.values()) + 1) * rowGap;
  const perRow = Math.max(1, Math.round(Math.sqrt((namespaces.length * aspect * blockHeight) / blockWidth)));
  const out: Record<string, Position> = {};
  for (const n of graph.nodes) {
    const block = namespaces.indexOf(n.namespace);
    out[n.id] = {
      x: (block % perRow) * blockWidth + (depth.get(n.id) ?? 0) * spacing,
      y: Math.floor(block / perRow) * blockHeight + (row.get(n.id) ?? 0) * rowGap,
    };
  }
  return out;
}

/**
 * Node ids of a connected part of the graph with `size` nodes, grown from the ingress gateway one neighbour at a
 * time (edges in either direction), always taking the frontier node of the lowest namespace, then lowest id. Plain
 * breadth-first search would take the gateway's hundred entry workloads first and give a star; this fills one
 * namespace after another, like a user selecting namespaces, and keeps every prefix connected.
 */
export function connectedSubset(graph: Graph, size: number): string[] {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
  for (const e of graph.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const namespaceOf = new Map(graph.nodes.map((n) => [n.id, n.namespace]));
  const rank = (id: string) => `${id === GATEWAY_ID || id === UNKNOWN_ID ? '' : namespaceOf.get(id)}|${id}`;
  const picked = new Set<string>();
  const frontier = new Set([GATEWAY_ID]);
  while (picked.size < size && frontier.size > 0) {
    let best = '';
    for (const id of frontier) if (best === '' || rank(id) < rank(best)) best = id;
    frontier.delete(best);
    picked.add(best);
    for (const nb of neighbours.get(best) ?? []) if (!picked.has(nb)) frontier.add(nb);
  }
  return [...picked];
}
