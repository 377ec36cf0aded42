// The traffic tab's data: which graph holds the item's edges, and those edges as rows with linked peers. Pure.

import { nodeDisplayName } from '@/components/graph/elements';
import { detailsHref, nodeTraffic, type TrafficRow } from '@/components/graph/selection';
import type { GraphParams } from '@/lib/api/graph';
import { MAX_DURATION } from '@/lib/mesh/graph/params';
import type { Graph, Protocol } from '@/lib/mesh/graph/types';
import { graphNodeId, graphTypeOf, type ItemRef } from './links';

/** The graph request for an item's traffic, and the duration it really covers. */
export interface TrafficGraphRequest {
  params: GraphParams;
  /** Seconds the graph averages over: the page's duration, capped at what the graph API takes. */
  duration: number;
  /** Whether the page's duration was longer than the graph allows. */
  capped: boolean;
}

/**
 * One graph of the item's namespace in which the item is a node whose edges are its own traffic: the workload
 * graph for a workload, the app graph for an app (both without service nodes, which would stand between the
 * item and its callers), and the versioned-app graph with service nodes for a service, whose edges then run from
 * its callers in and to its versions out. p95 latency is asked for because the table shows it.
 */
export function trafficGraphRequest(ref: ItemRef, duration: number): TrafficGraphRequest {
  const capped = duration > MAX_DURATION;
  const seconds = Math.min(duration, MAX_DURATION);
  return {
    params: {
      namespaces: [ref.namespace],
      graphType: graphTypeOf(ref.kind),
      duration: seconds,
      idleEdges: false,
      serviceNodes: ref.kind === 'services',
      edgeLabels: ['latency'],
    },
    duration: seconds,
    capped,
  };
}

/** One edge of the item, from the point of view of the item. */
export interface PeerTraffic {
  /** The edge's id, unique within a direction. */
  id: string;
  /** The node at the other end as people know it, with its namespace when it is not the item's. */
  peer: string;
  /** The peer's own detail page; none for traffic from outside the mesh. */
  peerHref?: string;
  protocol: Protocol;
  rps: number;
  /** 0–1. */
  errorRate: number;
  /** Undefined for TCP, which has no request latency. */
  p95Ms?: number;
}

export interface ItemTraffic {
  /** Whether the graph has the item at all; without traffic in the window it has not. */
  found: boolean;
  inbound: PeerTraffic[];
  outbound: PeerTraffic[];
}

/** The item's incoming and outgoing edges in a graph, busiest first. */
export function itemTraffic(graph: Graph, ref: ItemRef): ItemTraffic {
  const id = graphNodeId(ref);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (!byId.has(id)) return { found: false, inbound: [], outbound: [] };
  const row = ({ edge, peerId }: TrafficRow): PeerTraffic => {
    const node = byId.get(peerId);
    const href = node ? detailsHref(node) : undefined;
    const elsewhere = node !== undefined && node.nodeType !== 'unknown' && node.namespace !== ref.namespace;
    const name = node ? nodeDisplayName(node) : peerId;
    return {
      id: edge.id,
      peer: elsewhere ? `${name} (${node.namespace})` : name,
      ...(href ? { peerHref: href } : {}),
      protocol: edge.protocol,
      rps: edge.rps,
      errorRate: edge.errorRate,
      ...(edge.latencyMs ? { p95Ms: edge.latencyMs.p95 } : {}),
    };
  };
  const traffic = nodeTraffic(graph, id);
  return { found: true, inbound: traffic.inbound.map(row), outbound: traffic.outbound.map(row) };
}

/**
 * Whether a graph is the one asked for. The graph query keeps the previous graph while the next loads; one of
 * another type or namespace would not hold the item's node, and would read as "no traffic" meanwhile.
 */
export function answersRequest(graph: Graph, params: GraphParams): boolean {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  return graph.graphType === params.graphType && same(graph.namespaces, params.namespaces);
}
