// The graph page's shareable state, read from and written to the URL. Pure: no React, no Next.

import { GRAPH_TYPES, type GraphType } from '@/lib/mesh/graph/types';
import { durationLabel, durationsUpTo, REFRESH_INTERVALS, type DurationChoice } from '../ui/time-choices';
import { EDGE_COLUMNS, NO_SORT, NODE_COLUMNS, type SortDirection, type TableSorts } from './table-sort';

/** The graph API takes up to a day of history. */
export const DURATIONS = durationsUpTo(86_400);

export { REFRESH_INTERVALS };

export const EDGE_LABELS = [
  { value: 'none', label: 'No labels' },
  { value: 'rps', label: 'Request rate' },
  { value: 'errorRate', label: 'Error rate' },
  { value: 'p50', label: 'Latency p50' },
  { value: 'p95', label: 'Latency p95' },
  { value: 'p99', label: 'Latency p99' },
  { value: 'share', label: 'Share of source traffic' },
] as const;

export const LAYOUTS = [
  { value: 'auto', label: 'Auto' },
  { value: 'dagre', label: 'Dagre (layered)' },
  { value: 'fcose', label: 'fCoSE (force)' },
] as const;

export const GRAPH_TYPE_LABELS: Record<GraphType, string> = {
  app: 'App',
  versionedApp: 'Versioned app',
  workload: 'Workload',
  service: 'Service',
};

export type EdgeLabel = (typeof EDGE_LABELS)[number]['value'];
export type LayoutName = (typeof LAYOUTS)[number]['value'];

export interface GraphUrlState {
  /** `null` when the URL does not choose namespaces yet (the page then picks the injected ones). */
  namespaces: string[] | null;
  graphType: GraphType;
  duration: number;
  refresh: number;
  edgeLabel: EdgeLabel;
  serviceNodes: boolean;
  idleEdges: boolean;
  mtls: boolean;
  animate: boolean;
  layout: LayoutName;
  find: string;
  hide: string;
  node: string | null;
  edge: string | null;
  /** The table view's sort, one per table. */
  sort: TableSorts;
}

export const DEFAULT_GRAPH_URL_STATE: GraphUrlState = {
  namespaces: null,
  graphType: 'versionedApp',
  duration: 300,
  refresh: 30,
  edgeLabel: 'none',
  serviceNodes: true,
  idleEdges: false,
  mtls: true,
  animate: false,
  layout: 'auto',
  find: '',
  hide: '',
  node: null,
  edge: null,
  sort: NO_SORT,
};

const BOOLEAN_KEYS = ['serviceNodes', 'idleEdges', 'mtls', 'animate'] as const;

function oneOf<T extends string | number>(allowed: readonly T[], raw: T | undefined, fallback: T): T {
  return raw !== undefined && allowed.includes(raw) ? raw : fallback;
}

function parseBoolean(raw: string | null, fallback: boolean): boolean {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return fallback;
}

function parseSeconds(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** Splits a comma list of namespaces, dropping blanks and duplicates. */
export function parseNamespaceList(raw: string): string[] {
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
}

const SORT_DIRECTIONS: readonly SortDirection[] = ['asc', 'desc'];

/**
 * Reads `sort=nodes:inRps:desc,edges:rps:asc`. Entries naming an unknown table, column or direction are
 * dropped one by one; the first valid entry for a table wins.
 */
export function parseTableSorts(raw: string | null): TableSorts {
  const sorts: TableSorts = { ...NO_SORT };
  for (const entry of (raw ?? '').split(',')) {
    const [table, key, direction, ...rest] = entry.trim().split(':');
    if (rest.length > 0 || direction === undefined || !SORT_DIRECTIONS.includes(direction as SortDirection)) continue;
    const dir = direction as SortDirection;
    if (table === 'nodes' && sorts.nodes === null) {
      const column = NODE_COLUMNS.find((c) => c.key === key);
      if (column) sorts.nodes = { key: column.key, direction: dir };
    } else if (table === 'edges' && sorts.edges === null) {
      const column = EDGE_COLUMNS.find((c) => c.key === key);
      if (column) sorts.edges = { key: column.key, direction: dir };
    }
  }
  return sorts;
}

/** Writes the table sorts as `nodes:<key>:<dir>,edges:<key>:<dir>`; empty when neither table is sorted. */
export function serializeTableSorts(sorts: TableSorts): string {
  const entries: string[] = [];
  if (sorts.nodes) entries.push(`nodes:${sorts.nodes.key}:${sorts.nodes.direction}`);
  if (sorts.edges) entries.push(`edges:${sorts.edges.key}:${sorts.edges.direction}`);
  return entries.join(',');
}

/** Reads the graph state from URL search params; unknown or invalid values fall back to the defaults. */
export function parseGraphUrlState(params: URLSearchParams): GraphUrlState {
  const d = DEFAULT_GRAPH_URL_STATE;
  const ns = params.get('namespaces');
  const state: GraphUrlState = {
    namespaces: ns === null ? null : parseNamespaceList(ns),
    graphType: oneOf<GraphType>(GRAPH_TYPES, (params.get('graphType') ?? undefined) as GraphType | undefined, d.graphType),
    duration: oneOf(DURATIONS.map((x) => x.seconds), parseSeconds(params.get('duration')), d.duration),
    refresh: oneOf(REFRESH_INTERVALS.map((x) => x.seconds), parseSeconds(params.get('refresh')), d.refresh),
    edgeLabel: oneOf<EdgeLabel>(EDGE_LABELS.map((x) => x.value), (params.get('edgeLabel') ?? undefined) as EdgeLabel | undefined, d.edgeLabel),
    serviceNodes: d.serviceNodes,
    idleEdges: d.idleEdges,
    mtls: d.mtls,
    animate: d.animate,
    layout: oneOf<LayoutName>(LAYOUTS.map((x) => x.value), (params.get('layout') ?? undefined) as LayoutName | undefined, d.layout),
    find: params.get('find') ?? '',
    hide: params.get('hide') ?? '',
    node: params.get('node') || null,
    edge: params.get('edge') || null,
    sort: parseTableSorts(params.get('sort')),
  };
  for (const key of BOOLEAN_KEYS) state[key] = parseBoolean(params.get(key), d[key]);
  return state;
}

/**
 * Writes the state as URL search params. Namespaces (once chosen) and the graph type are always written so a
 * shared link names its view; every other value only when it differs from the default.
 */
export function serializeGraphUrlState(state: GraphUrlState): URLSearchParams {
  const d = DEFAULT_GRAPH_URL_STATE;
  const out = new URLSearchParams();
  if (state.namespaces !== null) out.set('namespaces', state.namespaces.join(','));
  out.set('graphType', state.graphType);
  if (state.duration !== d.duration) out.set('duration', String(state.duration));
  if (state.refresh !== d.refresh) out.set('refresh', String(state.refresh));
  if (state.edgeLabel !== d.edgeLabel) out.set('edgeLabel', state.edgeLabel);
  for (const key of BOOLEAN_KEYS) if (state[key] !== d[key]) out.set(key, String(state[key]));
  if (state.layout !== d.layout) out.set('layout', state.layout);
  if (state.find) out.set('find', state.find);
  if (state.hide) out.set('hide', state.hide);
  if (state.node) out.set('node', state.node);
  else if (state.edge) out.set('edge', state.edge);
  const sort = serializeTableSorts(state.sort);
  if (sort) out.set('sort', sort);
  return out;
}

/** The namespaces to show: the URL's choice, else every namespace with sidecar injection enabled. */
export function effectiveNamespaces(
  chosen: string[] | null,
  available: readonly { name: string; istioInjection: string }[] | undefined,
): string[] | undefined {
  if (chosen !== null) return chosen;
  if (available === undefined) return undefined;
  return available.filter((ns) => ns.istioInjection === 'enabled').map((ns) => ns.name);
}

export { durationLabel };

/** The next longer duration choice, or undefined at the longest. */
export function longerDuration(seconds: number): DurationChoice | undefined {
  return DURATIONS.find((d) => d.seconds > seconds);
}
