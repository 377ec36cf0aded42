// What the side panel shows for a selected node or edge: lookups, traffic rows and links. Pure.

import type { Graph, GraphEdge, GraphNode } from '@/lib/mesh/graph/types';
import { nodeDisplayName } from './elements';

export type Selection =
  | { kind: 'node'; node: GraphNode }
  | { kind: 'edge'; edge: GraphEdge; source?: GraphNode; target?: GraphNode }
  | { kind: 'missing'; id: string };

/** Resolves the URL's selected node or edge id against a graph; `missing` when it is not (or no longer) there. */
export function resolveSelection(graph: Graph | undefined, ids: { node: string | null; edge: string | null }): Selection | null {
  const id = ids.node ?? ids.edge;
  if (id === null) return null;
  if (!graph) return { kind: 'missing', id };
  if (ids.node !== null) {
    const node = graph.nodes.find((n) => n.id === ids.node);
    return node ? { kind: 'node', node } : { kind: 'missing', id };
  }
  const edge = graph.edges.find((e) => e.id === ids.edge);
  if (!edge) return { kind: 'missing', id };
  return {
    kind: 'edge',
    edge,
    source: graph.nodes.find((n) => n.id === edge.source),
    target: graph.nodes.find((n) => n.id === edge.target),
  };
}

export interface TrafficRow {
  edge: GraphEdge;
  peerId: string;
  peerName: string;
}

/** A node's inbound and outbound edges with the peer at the other end, busiest first. */
export function nodeTraffic(graph: Graph, nodeId: string): { inbound: TrafficRow[]; outbound: TrafficRow[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const row = (edge: GraphEdge, peerId: string): TrafficRow => {
    const peer = byId.get(peerId);
    return { edge, peerId, peerName: peer ? nodeDisplayName(peer) : peerId };
  };
  const busiest = (a: TrafficRow, b: TrafficRow) => b.edge.rps - a.edge.rps || a.peerName.localeCompare(b.peerName);
  return {
    inbound: graph.edges.filter((e) => e.target === nodeId).map((e) => row(e, e.source)).sort(busiest),
    outbound: graph.edges.filter((e) => e.source === nodeId).map((e) => row(e, e.target)).sort(busiest),
  };
}

const DETAIL_KIND = { app: 'apps', workload: 'workloads', service: 'services' } as const;

/** The details page of a node (`/namespaces/{ns}/{apps|workloads|services}/{name}`); none for unknown nodes. */
export function detailsHref(node: GraphNode): string | undefined {
  if (node.nodeType === 'unknown') return undefined;
  const name = node.nodeType === 'app' ? node.app : node.nodeType === 'workload' ? node.workload : node.service;
  if (!name) return undefined;
  return `/namespaces/${encodeURIComponent(node.namespace)}/${DETAIL_KIND[node.nodeType]}/${encodeURIComponent(name)}`;
}

/** The traces search for a node's service as tracing names it (`<app>.<namespace>`); none for unknown nodes. */
export function tracesHref(node: GraphNode): string | undefined {
  if (node.nodeType === 'unknown') return undefined;
  const name = node.app ?? node.service ?? node.workload;
  if (!name) return undefined;
  return `/traces?${new URLSearchParams({ service: `${name}.${node.namespace}` }).toString()}`;
}

/** Response codes or flags by rate, busiest first. */
export function ratesByKey(rates: Record<string, number>): [string, number][] {
  return Object.entries(rates).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
