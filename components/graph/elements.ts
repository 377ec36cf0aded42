// From the Graph DTO to what the canvas and the table view draw: filtering by Find/Hide, display names,
// health of edges, and cytoscape element definitions. Pure.

import type { Graph, GraphEdge, GraphNode, Health } from '@/lib/mesh/graph/types';
import { edgeLabelText } from './format';
import type { EdgeLabel } from './url-state';

/** Node and edge predicates compiled from a Find or Hide expression. */
export interface GraphPredicate {
  node: (node: GraphNode) => boolean;
  edge: (edge: GraphEdge) => boolean;
}

/** What remains after Hide, with the ids Find matched. */
export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  matchedNodes: ReadonlySet<string>;
  matchedEdges: ReadonlySet<string>;
  hiddenNodes: number;
  hiddenEdges: number;
}

/** A cytoscape element definition, kept to the fields we set. */
export interface CyElement {
  group: 'nodes' | 'edges';
  data: { id: string; label: string; namespace?: string; source?: string; target?: string };
  classes: string;
}

/** Above this mTLS share an edge gets a lock. */
export const MTLS_LOCK_THRESHOLD = 0.95;
/** Edge error rates at or above this are failures; anything above zero is degraded (HTTP 5xx defaults, DESIGN §5). */
export const EDGE_FAILURE_RATE = 0.1;

/** Removes what Hide matches (a hidden node takes its edges along) and collects what Find matches. */
export function filterGraph(graph: Graph, find?: GraphPredicate, hide?: GraphPredicate): GraphView {
  const nodes = hide ? graph.nodes.filter((n) => !hide.node(n)) : graph.nodes;
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target) && !(hide && hide.edge(e)));
  return {
    nodes,
    edges,
    matchedNodes: new Set(find ? nodes.filter(find.node).map((n) => n.id) : []),
    matchedEdges: new Set(find ? edges.filter(find.edge).map((e) => e.id) : []),
    hiddenNodes: graph.nodes.length - nodes.length,
    hiddenEdges: graph.edges.length - edges.length,
  };
}

/** The name people know a node by: "reviews v2", "details", "unknown". */
export function nodeDisplayName(node: GraphNode): string {
  switch (node.nodeType) {
    case 'app':
      return node.app ? (node.version ? `${node.app} ${node.version}` : node.app) : node.id;
    case 'workload':
      return node.workload ?? node.app ?? node.id;
    case 'service':
      return node.service ?? node.id;
    case 'unknown':
      return 'unknown';
  }
}

/** An edge's health by its error rate; an edge without traffic has none. */
export function edgeHealth(edge: GraphEdge): Health {
  if (edge.rps <= 0) return 'na';
  if (edge.errorRate >= EDGE_FAILURE_RATE) return 'failure';
  return edge.errorRate > 0 ? 'degraded' : 'healthy';
}

export interface ElementOptions {
  edgeLabel: EdgeLabel;
  mtls: boolean;
  /** Add the namespace to node labels (more than one namespace shown). */
  showNamespace: boolean;
  /** Mark edges with traffic for the flow animation. */
  animate: boolean;
  selectedId: string | null;
}

function nodeCanvasLabel(node: GraphNode, showNamespace: boolean): string {
  const name = node.nodeType === 'app' && node.app && node.version ? `${node.app}\n${node.version}` : nodeDisplayName(node);
  return showNamespace || node.isOutsideNamespaces ? `${name}\n(${node.namespace})` : name;
}

function classList(parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

/** Cytoscape elements for a view: nodes first, then edges, with classes the stylesheet keys on. */
export function toCyElements(view: GraphView, options: ElementOptions): CyElement[] {
  const nodes: CyElement[] = view.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: nodeCanvasLabel(n, options.showNamespace), namespace: n.namespace },
    classes: classList([
      `health-${n.health}`,
      `type-${n.nodeType}`,
      n.isRoot && 'root',
      n.isOutsideMesh && 'outside-mesh',
      n.isIdle && 'idle',
      view.matchedNodes.has(n.id) && 'find-match',
      options.selectedId === n.id && 'chosen',
    ]),
  }));
  const edges: CyElement[] = view.edges.map((e) => {
    const locked = options.mtls && e.mtlsShare > MTLS_LOCK_THRESHOLD;
    const text = edgeLabelText(e, options.edgeLabel);
    return {
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: locked ? `🔒${text ? ` ${text}` : ''}` : text },
      classes: classList([
        `health-${edgeHealth(e)}`,
        `protocol-${e.protocol}`,
        e.rps <= 0 && 'idle',
        options.animate && e.rps > 0 && 'flow',
        view.matchedEdges.has(e.id) && 'find-match',
        options.selectedId === e.id && 'chosen',
      ]),
    };
  });
  return [...nodes, ...edges];
}
