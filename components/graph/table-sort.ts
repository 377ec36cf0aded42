// Sorting the table view's nodes and edges by a column. Pure: no React.

import type { GraphEdge, GraphNode, Health } from '@/lib/mesh/graph/types';
import { nodeDisplayName } from './elements';

export type SortDirection = 'asc' | 'desc';

export const NODE_COLUMNS = [
  { key: 'name', label: 'Node', numeric: false },
  { key: 'type', label: 'Type', numeric: false },
  { key: 'namespace', label: 'Namespace', numeric: false },
  { key: 'health', label: 'Health', numeric: false },
  { key: 'inRps', label: 'In rps', numeric: true },
  { key: 'outRps', label: 'Out rps', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
  { key: 'find', label: 'Find', numeric: false },
] as const;

export const EDGE_COLUMNS = [
  { key: 'edge', label: 'Edge', numeric: false },
  { key: 'protocol', label: 'Protocol', numeric: false },
  { key: 'rps', label: 'rps', numeric: true },
  { key: 'errors', label: 'Errors', numeric: true },
  { key: 'mtls', label: 'mTLS', numeric: true },
  { key: 'find', label: 'Find', numeric: false },
] as const;

export type NodeSortKey = (typeof NODE_COLUMNS)[number]['key'];
export type EdgeSortKey = (typeof EDGE_COLUMNS)[number]['key'];

export interface ColumnSort<K extends string> {
  key: K;
  direction: SortDirection;
}

/** The sort of each table; `null` keeps the graph's own order. */
export interface TableSorts {
  nodes: ColumnSort<NodeSortKey> | null;
  edges: ColumnSort<EdgeSortKey> | null;
}

export const NO_SORT: TableSorts = { nodes: null, edges: null };

/** `undefined` (or NaN) is a missing value: it sorts last in both directions. */
export type SortValue = string | number | undefined;

// A fixed locale keeps the order the same on every machine; numeric collation puts "v2" before "v10".
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const isMissing = (v: SortValue): v is undefined => v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** Compares two cell values in a direction; missing values go last whatever the direction. */
export function compareValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  if (isMissing(a) || isMissing(b)) return Number(isMissing(a)) - Number(isMissing(b));
  const order = typeof a === 'number' && typeof b === 'number' ? Math.sign(a - b) || 0 : collator.compare(String(a), String(b));
  return direction === 'asc' ? order : -order;
}

/** A sorted copy; rows with equal values keep their original order in both directions. */
export function sortRows<T>(rows: readonly T[], valueOf: (row: T) => SortValue, direction: SortDirection): T[] {
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((x, y) => compareValues(x.value, y.value, direction) || x.index - y.index)
    .map((x) => x.row);
}

/**
 * The sort after activating a column's header: the same column flips, another column starts in its first
 * direction — descending for numbers (the busiest first is what one looks for), ascending for text.
 */
export function nextSort<K extends string>(current: ColumnSort<K> | null, key: K, numeric: boolean): ColumnSort<K> {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: numeric ? 'desc' : 'asc' };
}

// Worst last when ascending, so descending puts failures on top; "no traffic" has no health to rank.
const HEALTH_RANK: Record<Health, number | undefined> = { healthy: 0, degraded: 1, failure: 2, na: undefined };

/** A node's inbound error rate; none without inbound traffic, where it would be 0/0. */
export const nodeErrorRate = (node: GraphNode): number | undefined => (node.inRps > 0 ? node.inErrorRate : undefined);
/** An edge's error rate; none without traffic. */
export const edgeErrorRate = (edge: GraphEdge): number | undefined => (edge.rps > 0 ? edge.errorRate : undefined);
/** An edge's mTLS share; none without traffic. */
export const edgeMtlsShare = (edge: GraphEdge): number | undefined => (edge.rps > 0 ? edge.mtlsShare : undefined);

/** A node's value in a column. */
export function nodeSortValue(node: GraphNode, key: NodeSortKey, matched: ReadonlySet<string>): SortValue {
  switch (key) {
    case 'name':
      return nodeDisplayName(node);
    case 'type':
      return node.nodeType;
    case 'namespace':
      return node.namespace;
    case 'health':
      return HEALTH_RANK[node.health];
    case 'inRps':
      return node.inRps;
    case 'outRps':
      return node.outRps;
    case 'errors':
      return nodeErrorRate(node);
    case 'find':
      return matched.has(node.id) ? 1 : 0;
  }
}

/** An edge's value in a column. */
export function edgeSortValue(edge: GraphEdge, key: EdgeSortKey, matched: ReadonlySet<string>, nameOf: (id: string) => string): SortValue {
  switch (key) {
    case 'edge':
      return `${nameOf(edge.source)} → ${nameOf(edge.target)}`;
    case 'protocol':
      return edge.protocol;
    case 'rps':
      return edge.rps;
    case 'errors':
      return edgeErrorRate(edge);
    case 'mtls':
      return edgeMtlsShare(edge);
    case 'find':
      return matched.has(edge.id) ? 1 : 0;
  }
}

/** The nodes in table order. */
export function sortNodes(nodes: readonly GraphNode[], sort: ColumnSort<NodeSortKey> | null, matched: ReadonlySet<string>): readonly GraphNode[] {
  if (!sort) return nodes;
  return sortRows(nodes, (n) => nodeSortValue(n, sort.key, matched), sort.direction);
}

/** The edges in table order. */
export function sortEdges(
  edges: readonly GraphEdge[],
  sort: ColumnSort<EdgeSortKey> | null,
  matched: ReadonlySet<string>,
  nameOf: (id: string) => string,
): readonly GraphEdge[] {
  if (!sort) return edges;
  return sortRows(edges, (e) => edgeSortValue(e, sort.key, matched, nameOf), sort.direction);
}
