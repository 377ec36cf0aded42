// Test support: turns Kiali's recorded graph fixtures (../shared/reference/kiali-graph) into our builder's input,
// and both Kiali's expected graphs and ours into one comparable form keyed by what a node is, not by its id.
// Pure: the test reads the files and hands the parsed JSON in.
import { z } from 'zod';
import type { TrafficSample } from './build';
import { GRAPH_TYPES, type Graph, type GraphType } from './types';

const recordedQueries = z.array(
  z.object({
    id: z.string(),
    query: z.string(),
    response: z.object({
      status: z.literal('success'),
      data: z.object({
        resultType: z.literal('vector'),
        result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })),
      }),
    }),
  }),
);

const kialiRates = z.record(z.string(), z.string());
const kialiGraph = z.object({
  timestamp: z.number(),
  duration: z.number(),
  graphType: z.enum(GRAPH_TYPES),
  elements: z.object({
    nodes: z.array(
      z.object({
        data: z.object({
          id: z.string(),
          nodeType: z.string(),
          namespace: z.string(),
          app: z.string().optional(),
          version: z.string().optional(),
          workload: z.string().optional(),
          service: z.string().optional(),
          isRoot: z.boolean().optional(),
          isOutside: z.boolean().optional(),
          destServices: z.array(z.object({ namespace: z.string(), name: z.string() })).optional(),
        }),
      }),
    ),
    edges: z.array(
      z.object({ data: z.object({ source: z.string(), target: z.string(), traffic: z.object({ protocol: z.string(), rates: kialiRates.optional() }) }) }),
    ),
  }),
});
export type KialiGraph = z.infer<typeof kialiGraph>;

/** Parses one of Kiali's expected graph responses (`graph-api-expected/*.json`). */
export function parseKialiGraph(json: unknown): KialiGraph {
  return kialiGraph.parse(json);
}

/** Which reporter a recorded query selected; a regex is read as the one proxy side it names (waypoints aside). */
export function reporterOf(query: string): 'source' | 'destination' {
  const m = /reporter(=~|!=|=)"([^"]*)"/.exec(query);
  if (!m || m[1] === '!=') throw new Error(`no usable reporter matcher in ${query}`);
  const sides = (m[1] === '=~' ? (m[2] ?? '').split('|') : [m[2] ?? '']).filter((s) => s === 'source' || s === 'destination');
  // `source|destination` (Kiali's ambient node graph) mixes both reporters in one vector; our input cannot say which is which.
  if (sides.length !== 1 || sides[0] === undefined) throw new Error(`reporter matcher ${m[0]} names no single side`);
  return sides[0];
}

/** How a recorded query's samples enter our builder. */
export type FeedAs = 'traffic' | 'tcpTrafficAndThroughput' | 'throughput' | 'skipped';

/**
 * Kiali's default rates are `rateHttp=requests`, `rateGrpc=requests`, `rateTcp=sent`. Our base input is
 * `istio_requests_total` plus TCP *connection* rates; Kiali has no connection query, so its TCP byte rates stand in:
 * - `istio_tcp_received_bytes_total` is what Kiali draws for `rateTcp=sent` (Istio's L4 names are the proxy's view,
 *   istio/istio#32399), so it is our TCP traffic, making our TCP edge rate comparable to Kiali's; it is also half of
 * - throughput, which is sent + received bytes, as in our own throughput query (Kiali's `rateTcp=total`).
 * - gRPC message counts (`istio_request/response_messages_total`) only serve Kiali's `rateGrpc=sent|received|total`;
 *   our gRPC edges count requests from `istio_requests_total`, as Kiali's default does, so they are skipped.
 */
export function feedOf(query: string): FeedAs {
  const metric = /rate\((istio_[a-z_]+)\{/.exec(query)?.[1];
  switch (metric) {
    case 'istio_requests_total':
      return 'traffic';
    case 'istio_tcp_received_bytes_total':
      return 'tcpTrafficAndThroughput';
    case 'istio_tcp_sent_bytes_total':
      return 'throughput';
    case 'istio_request_messages_total':
    case 'istio_response_messages_total':
      return 'skipped';
    default:
      throw new Error(`unexpected metric ${metric ?? '(none)'} in ${query}`);
  }
}

/** Our builder's sample inputs from a `*.queries.json` file, and the ids of the queries left out. */
export function samplesFromRecorded(json: unknown): { traffic: TrafficSample[]; throughput: TrafficSample[]; skipped: string[] } {
  const out = { traffic: [] as TrafficSample[], throughput: [] as TrafficSample[], skipped: [] as string[] };
  for (const q of recordedQueries.parse(json)) {
    const feed = feedOf(q.query);
    if (feed === 'skipped') {
      out.skipped.push(q.id);
      continue;
    }
    const reporter = reporterOf(q.query);
    for (const r of q.response.data.result) {
      const labels = { ...r.metric, reporter, ...(feed === 'traffic' ? {} : { request_protocol: 'tcp' }) };
      const sample = { labels, value: Number(r.value[1]) };
      if (feed !== 'throughput') out.traffic.push(sample);
      if (feed !== 'traffic') out.throughput.push(sample);
    }
  }
  return out;
}

/** What is compared per edge: rates per second, and the share of the source's traffic of the same protocol. */
export interface EdgeFacts {
  rate: number;
  http3xx: number;
  http4xx: number;
  /** 5xx, gRPC errors and requests without a response: what our `errorRate` counts. */
  failed: number;
  /** Absent for TCP, where Kiali gives none. */
  share?: number;
  throughput?: number;
}

export interface NormalGraph {
  /** Node key → its flags (`root`, `outside`). */
  nodes: Map<string, string>;
  /** `source → target: protocol` → facts. */
  edges: Map<string, EdgeFacts>;
}

interface NodeIdentity {
  nodeType: string;
  namespace: string;
  app?: string;
  version?: string;
  workload?: string;
  service?: string;
}

/**
 * `nodeType:namespace:app:version:workload:service` with only the fields that identify that kind of node in that
 * graph type: an app by app (and version in a versionedApp graph), a workload by workload, a service by service.
 * Our versionedApp nodes are keyed by app and version (Kiali's by workload), so the workload is left out there.
 */
export function nodeKey(type: GraphType, n: NodeIdentity): string {
  const parts = (app = '', version = '', workload = '', service = '') => [n.nodeType, n.namespace, app, version, workload, service].join(':');
  switch (n.nodeType) {
    case 'unknown':
      return 'unknown:::::';
    case 'service':
      return parts('', '', '', n.service);
    case 'workload':
      return parts('', '', n.workload);
    case 'app':
      return parts(n.app, type === 'versionedApp' ? n.version : '');
    default:
      throw new Error(`unexpected node type ${n.nodeType}`);
  }
}

/** `source → target: protocol`, the key of an edge in a normal graph. */
export const edgeKey = (source: string, target: string, protocol: string) => `${source} → ${target}: ${protocol}`;

/** The parts of an edge key. */
export function splitEdgeKey(key: string): { source: string; target: string; protocol: string } {
  const m = /^(.*) → (.*): (\w+)$/.exec(key);
  if (!m) throw new Error(`not an edge key: ${key}`);
  return { source: m[1] ?? '', target: m[2] ?? '', protocol: m[3] ?? '' };
}

const flagsOf = (root?: boolean, outside?: boolean) => [root ? 'root' : '', outside ? 'outside' : ''].filter(Boolean).join(',');

/** Requests per second whose HTTP status is in a class (`'3'` for 3xx); gRPC codes are kept as `grpc:n`. */
const classRate = (codes: Record<string, number>, cls: string) =>
  Object.entries(codes).reduce((sum, [code, rps]) => (/^\d{3}$/.test(code) && code.startsWith(cls) ? sum + rps : sum), 0);

/** A Kiali node's key; its versionedApp graph has `app` nodes, and a `versionedApp` node type would mean the same. */
function kialiNodeKey(type: GraphType, n: NodeIdentity): string {
  return nodeKey(type, { ...n, nodeType: n.nodeType === 'versionedApp' ? 'app' : n.nodeType });
}

/** Our graph in the comparable form. */
export function normaliseOurs(g: Graph): NormalGraph {
  const keys = new Map(g.nodes.map((n) => [n.id, nodeKey(g.graphType, n)]));
  const key = (id: string) => keys.get(id) ?? `missing node ${id}`;
  const edges = new Map<string, EdgeFacts>();
  for (const e of g.edges) {
    const facts: EdgeFacts = { rate: e.rps, http3xx: classRate(e.responseCodes, '3'), http4xx: classRate(e.responseCodes, '4'), failed: e.errorRate * e.rps };
    if (e.protocol !== 'tcp') facts.share = e.sourceShare;
    if (e.throughputBps !== undefined) facts.throughput = e.throughputBps;
    edges.set(edgeKey(key(e.source), key(e.target), e.protocol), facts);
  }
  return { nodes: new Map(g.nodes.map((n) => [key(n.id), flagsOf(n.isRoot, n.isOutsideNamespaces)])), edges };
}

/** Kiali's graph in the comparable form: box nodes dropped, its string rates read as numbers. */
export function normaliseKiali(g: KialiGraph): NormalGraph {
  const real = g.elements.nodes.map((n) => n.data).filter((n) => n.nodeType !== 'box');
  const keys = new Map(real.map((n) => [n.id, kialiNodeKey(g.graphType, n)]));
  const key = (id: string) => keys.get(id) ?? `missing node ${id}`;
  const edges = new Map<string, EdgeFacts>();
  for (const { data } of g.elements.edges) {
    const p = data.traffic.protocol;
    const rates = data.traffic.rates ?? {};
    const r = (name: string) => Number(rates[`${p}${name}`] ?? 0);
    const facts: EdgeFacts = { rate: r(''), http3xx: r('3xx'), http4xx: r('4xx'), failed: r('5xx') + r('Err') + r('NoResponse') };
    if (rates[`${p}PercentReq`] !== undefined) facts.share = r('PercentReq') / 100;
    edges.set(edgeKey(key(data.source), key(data.target), p), facts);
  }
  return { nodes: new Map(real.map((n) => [key(n.id), flagsOf(n.isRoot, n.isOutside)])), edges };
}

/** Kiali's node keys → the service each one is reached through (from `destServices`), for service-node injection. */
export function kialiDestServices(g: KialiGraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const { data: n } of g.elements.nodes) {
    if (n.nodeType === 'box' || n.nodeType === 'service' || !n.destServices) continue;
    if (n.destServices.length !== 1) throw new Error(`node ${n.id} is reached through ${n.destServices.length} services`);
    const [svc] = n.destServices;
    if (svc) out.set(kialiNodeKey(g.graphType, n), nodeKey(g.graphType, { nodeType: 'service', namespace: svc.namespace, service: svc.name }));
  }
  return out;
}

/**
 * Kiali's edge rates redrawn through service nodes, as our `serviceNodes` draws them: caller → service → node for
 * every node reached through a service, summed per protocol.
 */
export function throughServices(kiali: NormalGraph, via: ReadonlyMap<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, rate: number) => out.set(k, (out.get(k) ?? 0) + rate);
  for (const [k, { rate }] of kiali.edges) {
    const { source, target, protocol } = splitEdgeKey(k);
    const svc = via.get(target);
    if (svc === undefined) add(k, rate);
    else {
      add(edgeKey(source, svc, protocol), rate);
      add(edgeKey(svc, target, protocol), rate);
    }
  }
  return out;
}

/** Renames node keys everywhere in a normal graph (for nodes that Kiali and we legitimately name differently). */
export function renameNodes(g: NormalGraph, renames: Readonly<Record<string, string>>): NormalGraph {
  const to = (k: string) => renames[k] ?? k;
  const edges = new Map<string, EdgeFacts>();
  for (const [k, facts] of g.edges) {
    const e = splitEdgeKey(k);
    edges.set(edgeKey(to(e.source), to(e.target), e.protocol), facts);
  }
  return { nodes: new Map([...g.nodes].map(([k, flags]) => [to(k), flags])), edges };
}

/** Where two normal graphs differ; rates must agree within `tolerance` (relative), shares within Kiali's 0.1 %. */
export interface Comparison {
  onlyOurs: string[];
  onlyKiali: string[];
  /** Common nodes or edges whose flags or rates disagree. */
  mismatches: string[];
  /** Common edges whose share of the source's traffic disagrees. */
  shareDiffers: string[];
}

/** Nodes and edges only one side has, and common ones whose flags, rates or shares disagree. */
export function compareGraphs(ours: NormalGraph, kiali: NormalGraph, tolerance = 0.005): Comparison {
  const close = (a: number, b: number) => Math.abs(a - b) <= tolerance * Math.abs(b) + 1e-9;
  const out: Comparison = { onlyOurs: [], onlyKiali: [], mismatches: [], shareDiffers: [] };
  for (const [k, flags] of ours.nodes) {
    if (!kiali.nodes.has(k)) out.onlyOurs.push(k);
    else if (kiali.nodes.get(k) !== flags) out.mismatches.push(`${k}: flags ${flags} ≠ Kiali's ${kiali.nodes.get(k) ?? ''}`);
  }
  for (const k of kiali.nodes.keys()) if (!ours.nodes.has(k)) out.onlyKiali.push(k);
  for (const [k, facts] of ours.edges) {
    const theirs = kiali.edges.get(k);
    if (!theirs) {
      out.onlyOurs.push(k);
      continue;
    }
    for (const f of ['rate', 'http3xx', 'http4xx', 'failed'] as const) {
      if (!close(facts[f], theirs[f])) out.mismatches.push(`${k}: ${f} ${facts[f]} ≠ Kiali's ${theirs[f]}`);
    }
    // Kiali prints percentages with one decimal.
    if (facts.share !== undefined && theirs.share !== undefined && Math.abs(facts.share - theirs.share) > 0.0005 + 1e-9) out.shareDiffers.push(k);
  }
  for (const k of kiali.edges.keys()) if (!ours.edges.has(k)) out.onlyKiali.push(k);
  for (const list of Object.values(out)) list.sort();
  return out;
}
