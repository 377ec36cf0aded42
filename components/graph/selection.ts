// What the side panel shows for a selected node or edge: lookups, traffic rows and links. Pure.

import type { Graph, GraphEdge, GraphNode } from '@/lib/mesh/graph/types';
import type { Direction, MetricKind, Peer } from '@/lib/mesh/metrics/types';
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

/** Which metrics the side panel charts: whose, which direction, and with which peer. */
export interface ChartTarget {
  namespace: string;
  kind: MetricKind;
  name: string;
  direction: Direction;
  peer?: Peer;
}

/** The metrics entity a node stands for; a versioned app node is its workload, so its charts are that version's. */
function metricsEntity(node: GraphNode): Peer | undefined {
  const ns = node.namespace;
  switch (node.nodeType) {
    case 'workload':
      return node.workload ? { namespace: ns, kind: 'workloads', name: node.workload } : undefined;
    case 'app':
      if (node.version && node.workload) return { namespace: ns, kind: 'workloads', name: node.workload };
      return node.app ? { namespace: ns, kind: 'apps', name: node.app } : undefined;
    case 'service':
      return node.service ? { namespace: ns, kind: 'services', name: node.service } : undefined;
    case 'unknown':
      return undefined;
  }
}

/**
 * What to chart for a selection: a node's inbound traffic (its outbound when it only sends, as an entry point
 * does), an edge's traffic as its destination received it from its source. Undefined when the metrics cannot
 * single that traffic out: an unknown node, or an edge whose source is unknown or a service (a service never
 * sends, so no reporter names it as a source).
 */
export function chartTarget(selection: Selection): ChartTarget | undefined {
  if (selection.kind === 'node') {
    const entity = metricsEntity(selection.node);
    if (!entity) return undefined;
    const sendsOnly = selection.node.inRps === 0 && selection.node.outRps > 0;
    if (sendsOnly && entity.kind === 'services') return undefined;
    return { ...entity, direction: sendsOnly ? 'outbound' : 'inbound' };
  }
  if (selection.kind !== 'edge' || !selection.source || !selection.target) return undefined;
  const target = metricsEntity(selection.target);
  const source = metricsEntity(selection.source);
  if (!target || !source || source.kind === 'services') return undefined;
  return { ...target, direction: 'inbound', peer: source };
}
