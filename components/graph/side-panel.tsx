'use client';

import { useEffect, useId, useRef } from 'react';
import type { Graph } from '@/lib/mesh/graph/types';
import { EdgeDetails } from './edge-details';
import { nodeDisplayName } from './elements';
import { NodeDetails } from './node-details';
import { chartTarget, type Selection } from './selection';
import { SideCharts, type ChartWindow } from './side-charts';
import { BUTTON_CLASS } from './toolbar-controls';

export interface SidePanelProps {
  graph: Graph | undefined;
  selection: Selection;
  onClose: () => void;
  onSelectNode: (id: string) => void;
  /** The period and refresh the small charts follow (the graph's own). */
  chartWindow: ChartWindow;
}

function title(selection: Selection): string {
  switch (selection.kind) {
    case 'node':
      return nodeDisplayName(selection.node);
    case 'edge':
      return `${selection.source ? nodeDisplayName(selection.source) : selection.edge.source} → ${
        selection.target ? nodeDisplayName(selection.target) : selection.edge.target
      }`;
    case 'missing':
      return 'Not in the graph';
  }
}

/** Details of the selected node or edge; Escape closes it. */
export function SidePanel({ graph, selection, onClose, onSelectNode, chartWindow }: SidePanelProps) {
  const headingId = useId();
  const target = chartTarget(selection);
  const name = title(selection);
  const closeRef = useRef(onClose);

  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) closeRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside
      aria-labelledby={headingId}
      className="w-96 shrink-0 space-y-3 overflow-y-auto rounded border border-slate-200 p-4 text-sm dark:border-slate-800 lg:max-h-[calc(65vh+2rem)]"
    >
      <div className="flex items-start gap-2">
        <h2 id={headingId} className="flex-1 break-words text-lg font-semibold">
          {name}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close details" className={BUTTON_CLASS}>
          ✕
        </button>
      </div>
      {selection.kind === 'node' && graph && <NodeDetails graph={graph} node={selection.node} onSelectNode={onSelectNode} />}
      {selection.kind === 'edge' && <EdgeDetails edge={selection.edge} />}
      {target && <SideCharts target={target} chartWindow={chartWindow} tcp={selection.kind === 'edge' && selection.edge.protocol === 'tcp'} />}
      {selection.kind === 'missing' && (
        <p>
          <span className="font-mono">{selection.id}</span> is not in the current graph. It may have stopped receiving
          traffic, or it is hidden.
        </p>
      )}
    </aside>
  );
}
