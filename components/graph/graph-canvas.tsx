'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import type { GraphSelection } from './cytoscape-view';
import type { CyElement } from './elements';
import { GraphLegend } from './graph-legend';
import { useDarkMode } from './use-media';
import type { LayoutName } from './url-state';

// cytoscape and its layouts only load on this page, and only in the browser (DESIGN §7, bundle).
const CytoscapeView = dynamic(() => import('./cytoscape-view').then((m) => m.CytoscapeView), {
  ssr: false,
  loading: () => (
    <div role="status" className="flex h-full items-center justify-center text-sm text-slate-500">
      Loading the graph renderer…
    </div>
  ),
});

export interface GraphCanvasProps {
  elements: readonly CyElement[];
  nodeCount: number;
  edgeCount: number;
  description: string;
  layout: LayoutName;
  relayoutToken: number;
  animate: boolean;
  onSelect: (selection: GraphSelection) => void;
}

/** The drawn graph in a container that exposes its counts for tests and a summary for screen readers. */
export function GraphCanvas({ elements, nodeCount, edgeCount, description, layout, relayoutToken, animate, onSelect }: GraphCanvasProps) {
  const [layoutRuns, setLayoutRuns] = useState(0);
  const dark = useDarkMode();
  const onLayoutRun = useCallback(() => setLayoutRuns((n) => n + 1), []);
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-2">
      <div
        data-testid="graph"
        data-node-count={nodeCount}
        data-edge-count={edgeCount}
        data-layout-runs={layoutRuns}
        role="img"
        aria-label={`${description}: ${nodeCount} nodes, ${edgeCount} edges. The table view lists them for keyboard and screen reader use.`}
        className="relative h-[65vh] min-h-96 rounded border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900"
      >
        <CytoscapeView
          elements={elements}
          layout={layout}
          relayoutToken={relayoutToken}
          animate={animate}
          dark={dark}
          onSelect={onSelect}
          onLayoutRun={onLayoutRun}
        />
      </div>
      <GraphLegend />
    </div>
  );
}
