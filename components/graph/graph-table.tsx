'use client';

import { useMemo, useState } from 'react';
import type { GraphNode } from '@/lib/mesh/graph/types';
import type { GraphSelection } from './cytoscape-view';
import { nodeDisplayName, type GraphView } from './elements';
import { formatPercent, formatRps } from './format';
import {
  EDGE_COLUMNS,
  edgeErrorRate,
  edgeMtlsShare,
  nextSort,
  NODE_COLUMNS,
  nodeErrorRate,
  sortEdges,
  sortNodes,
  type ColumnSort,
  type TableSorts,
} from './table-sort';
import { SortHeader } from '../ui/sort-header';
import { BUTTON_CLASS } from './toolbar-controls';

const HEALTH_TEXT: Record<GraphNode['health'], string> = { healthy: 'Healthy', degraded: 'Degraded', failure: 'Failure', na: 'No traffic' };
const CELL = 'px-2 py-1';
const NUMBER_CELL = `${CELL} text-right tabular-nums`;
const ROW_CLASS =
  'border-t border-slate-100 aria-[current=true]:bg-sky-50 dark:border-slate-800 dark:aria-[current=true]:bg-sky-950';

export interface GraphTableProps {
  view: GraphView;
  selectedId: string | null;
  onSelect: (selection: GraphSelection) => void;
  sort: TableSorts;
  onSortChange: (sort: TableSorts) => void;
}

// A share without traffic to take it of shows as a dash, not 0 %, matching where sorting puts it (last).
function share(value: number | undefined) {
  return typeof value === 'number' ? formatPercent(value) : <span title="No traffic">—</span>;
}

interface HeaderRowProps<K extends string> {
  columns: readonly { key: K; label: string; numeric: boolean }[];
  sort: ColumnSort<K> | null;
  onSort: (sort: ColumnSort<K>) => void;
}

/** Column headers that sort on activation; `aria-sort` marks the sorted one. */
function HeaderRow<K extends string>({ columns, sort, onSort }: HeaderRowProps<K>) {
  return (
    <tr className="text-xs text-slate-500">
      {columns.map((c) => {
        const direction = sort?.key === c.key ? sort.direction : undefined;
        return (
          <SortHeader key={c.key} label={c.label} direction={direction} numeric={c.numeric} className={CELL} onSort={() => onSort(nextSort(sort, c.key, c.numeric))} />
        );
      })}
    </tr>
  );
}

/**
 * The graph as two sortable tables, for keyboard and screen reader users and for finding the busiest or
 * failing parts. Hidden visually until asked for or focused, but always in the DOM.
 */
export function GraphTable({ view, selectedId, onSelect, sort, onSortChange }: GraphTableProps) {
  const [shown, setShown] = useState(false);
  const names = useMemo(() => new Map(view.nodes.map((n) => [n.id, nodeDisplayName(n)])), [view.nodes]);
  const nodes = useMemo(() => sortNodes(view.nodes, sort.nodes, view.matchedNodes), [view, sort.nodes]);
  const edges = useMemo(() => sortEdges(view.edges, sort.edges, view.matchedEdges, (id) => names.get(id) ?? id), [view, sort.edges, names]);
  const select = (kind: 'node' | 'edge', id: string) => onSelect({ kind, id });
  return (
    <section aria-labelledby="graph-table-heading" className="space-y-2">
      <div className="flex items-center gap-3">
        <h2 id="graph-table-heading" className="text-base font-semibold">
          Table view
        </h2>
        <button type="button" aria-expanded={shown} onClick={() => setShown((s) => !s)} className={BUTTON_CLASS}>
          {shown ? 'Hide table view' : 'Show table view'}
        </button>
      </div>
      <div className={shown ? 'grid gap-4 xl:grid-cols-2' : 'sr-only focus-within:not-sr-only'}>
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold">Nodes ({view.nodes.length})</caption>
          <thead>
            <HeaderRow columns={NODE_COLUMNS} sort={sort.nodes} onSort={(nodes) => onSortChange({ ...sort, nodes })} />
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id} aria-current={selectedId === n.id ? true : undefined} className={ROW_CLASS}>
                <td className={CELL}>
                  <button type="button" onClick={() => select('node', n.id)} className="text-left text-sky-700 underline dark:text-sky-300">
                    {names.get(n.id)}
                  </button>
                </td>
                <td className={CELL}>{n.nodeType}</td>
                <td className={CELL}>{n.namespace}</td>
                <td className={CELL}>{HEALTH_TEXT[n.health]}</td>
                <td className={NUMBER_CELL}>{formatRps(n.inRps)}</td>
                <td className={NUMBER_CELL}>{formatRps(n.outRps)}</td>
                <td className={NUMBER_CELL}>{share(nodeErrorRate(n))}</td>
                <td className={CELL}>{view.matchedNodes.has(n.id) ? 'match' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold">Edges ({view.edges.length})</caption>
          <thead>
            <HeaderRow columns={EDGE_COLUMNS} sort={sort.edges} onSort={(edges) => onSortChange({ ...sort, edges })} />
          </thead>
          <tbody>
            {edges.map((e) => (
              <tr key={e.id} aria-current={selectedId === e.id ? true : undefined} className={ROW_CLASS}>
                <td className={CELL}>
                  <button type="button" onClick={() => select('edge', e.id)} className="text-left text-sky-700 underline dark:text-sky-300">
                    {names.get(e.source) ?? e.source} → {names.get(e.target) ?? e.target}
                  </button>
                </td>
                <td className={CELL}>{e.protocol}</td>
                <td className={NUMBER_CELL}>{formatRps(e.rps)}</td>
                <td className={NUMBER_CELL}>{share(edgeErrorRate(e))}</td>
                <td className={NUMBER_CELL}>{share(edgeMtlsShare(e))}</td>
                <td className={CELL}>{view.matchedEdges.has(e.id) ? 'match' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
