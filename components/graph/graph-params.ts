// From the page's URL state to the graph API's parameters. Pure.

import type { EdgeLabelMetric, GraphParams } from '@/lib/api/graph';
import type { EdgeLabel, GraphUrlState } from './url-state';

const LATENCY_LABELS: readonly EdgeLabel[] = ['p50', 'p95', 'p99'];

/**
 * The API parameters for a view. Latency quantiles cost the most Prometheus time (DESIGN §7), so they are only
 * asked for when an edge label shows them.
 */
export function toGraphParams(state: GraphUrlState, namespaces: readonly string[]): GraphParams {
  const edgeLabels: EdgeLabelMetric[] = LATENCY_LABELS.includes(state.edgeLabel) ? ['latency'] : [];
  return {
    namespaces: [...namespaces],
    graphType: state.graphType,
    duration: state.duration,
    idleEdges: state.idleEdges,
    serviceNodes: state.serviceNodes,
    edgeLabels,
  };
}
