// The topology graph as the API returns it (DESIGN §4). Pure types: no I/O, no React.

export const GRAPH_TYPES = ['app', 'versionedApp', 'workload', 'service'] as const;
/** How nodes are grouped: by app, by app and version, by workload, or by service. */
export type GraphType = (typeof GRAPH_TYPES)[number];

export type NodeType = 'app' | 'workload' | 'service' | 'unknown';
export type Protocol = 'http' | 'grpc' | 'tcp';

/** Kiali's health states; `na` when there is no traffic to judge by. */
export type Health = 'healthy' | 'degraded' | 'failure' | 'na';

export interface LatencyQuantiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface GraphNode {
  id: string;
  nodeType: NodeType;
  namespace: string;
  cluster?: string;
  app?: string;
  version?: string;
  workload?: string;
  service?: string;
  health: Health;
  /** Receives no traffic from inside the selected namespaces' graph (an entry point). */
  isRoot?: boolean;
  /** Not part of the mesh (traffic from outside, or an external service). */
  isOutsideMesh?: boolean;
  /** Outside the selected namespaces, shown because it talks to them. */
  isOutsideNamespaces?: boolean;
  /** Only present because idle edges were asked for. */
  isIdle?: boolean;
  /** Requests per second into and out of the node. */
  inRps: number;
  outRps: number;
  /** Share of inbound requests that failed (5xx, gRPC errors, no response). */
  inErrorRate: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  protocol: Protocol;
  /** Requests (HTTP, gRPC) or connections (TCP) per second. */
  rps: number;
  /** 0–1. */
  errorRate: number;
  /** Requests per second by response code (HTTP) or gRPC status. */
  responseCodes: Record<string, number>;
  /** Requests per second by Envoy response flags, when not `-`. */
  responseFlags: Record<string, number>;
  latencyMs?: LatencyQuantiles;
  /** Bytes per second (TCP always; HTTP when throughput was asked for). */
  throughputBps?: number;
  /** Share of the edge's traffic that was mutual TLS, 0–1. */
  mtlsShare: number;
  /** Share of the source node's outbound traffic of the same protocol this edge carries, 0–1. */
  sourceShare: number;
}

export interface Graph {
  /** Unix seconds of the moment the graph describes. */
  timestamp: number;
  /** Seconds of traffic the rates are averaged over. */
  duration: number;
  graphType: GraphType;
  namespaces: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}
