'use client';

import { useState } from 'react';
import type { GraphNode } from '@/lib/mesh/graph/types';
import type { GraphSelection } from './cytoscape-view';
import { nodeDisplayName, type GraphView } from './elements';
import { formatPercent, formatRps } from './format';
import { BUTTON_CLASS } from './toolbar-controls';

const HEALTH_TEXT: Record<GraphNode['health'], string> = { healthy: 'Healthy', degraded: 'Degraded', failure: 'Failure', na: 'No traffic' };
const CELL = 'px-2 py-1';

export interface GraphTableProps {
  view: GraphView;
  selectedId: string | null;
  onSelect: (selection: GraphSelection) => void;
}

/**
 * The graph as two tables, for keyboard and screen reader users (the canvas is not accessible). Hidden
 * visually until asked for or focused, but always in the DOM.
 */
export function GraphTable({ view, selectedId, onSelect }: GraphTableProps) {
  const [shown, setShown] = useState(false);
  const names = new Map(view.nodes.map((n) => [n.id, nodeDisplayName(n)]));
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
            <tr className="text-xs text-slate-500">
              <th scope="col" className={CELL}>Node</th>
              <th scope="col" className={CELL}>Type</th>
              <th scope="col" className={CELL}>Namespace</th>
              <th scope="col" className={CELL}>Health</th>
              <th scope="col" className={`${CELL} text-right`}>In rps</th>
              <th scope="col" className={`${CELL} text-right`}>Out rps</th>
              <th scope="col" className={`${CELL} text-right`}>Errors</th>
              <th scope="col" className={CELL}>Find</th>
            </tr>
          </thead>
          <tbody>
            {view.nodes.map((n) => (
              <tr key={n.id} aria-current={selectedId === n.id ? true : undefined} className="border-t border-slate-100 aria-[current=true]:bg-sky-50 dark:border-slate-800 dark:aria-[current=true]:bg-sky-950">
                <td className={CELL}>
                  <button type="button" onClick={() => select('node', n.id)} className="text-left text-sky-700 underline dark:text-sky-300">
                    {names.get(n.id)}
                  </button>
                </td>
                <td className={CELL}>{n.nodeType}</td>
                <td className={CELL}>{n.namespace}</td>
                <td className={CELL}>{HEALTH_TEXT[n.health]}</td>
                <td className={`${CELL} text-right tabular-nums`}>{formatRps(n.inRps)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{formatRps(n.outRps)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{formatPercent(n.inErrorRate)}</td>
                <td className={CELL}>{view.matchedNodes.has(n.id) ? 'match' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold">Edges ({view.edges.length})</caption>
          <thead>
            <tr className="text-xs text-slate-500">
              <th scope="col" className={CELL}>Edge</th>
              <th scope="col" className={CELL}>Protocol</th>
              <th scope="col" className={`${CELL} text-right`}>rps</th>
              <th scope="col" className={`${CELL} text-right`}>Errors</th>
              <th scope="col" className={`${CELL} text-right`}>mTLS</th>
              <th scope="col" className={CELL}>Find</th>
            </tr>
          </thead>
          <tbody>
            {view.edges.map((e) => (
              <tr key={e.id} aria-current={selectedId === e.id ? true : undefined} className="border-t border-slate-100 aria-[current=true]:bg-sky-50 dark:border-slate-800 dark:aria-[current=true]:bg-sky-950">
                <td className={CELL}>
                  <button type="button" onClick={() => select('edge', e.id)} className="text-left text-sky-700 underline dark:text-sky-300">
                    {names.get(e.source) ?? e.source} → {names.get(e.target) ?? e.target}
                  </button>
                </td>
                <td className={CELL}>{e.protocol}</td>
                <td className={`${CELL} text-right tabular-nums`}>{formatRps(e.rps)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{formatPercent(e.errorRate)}</td>
                <td className={`${CELL} text-right tabular-nums`}>{formatPercent(e.mtlsShare)}</td>
                <td className={CELL}>{view.matchedEdges.has(e.id) ? 'match' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
