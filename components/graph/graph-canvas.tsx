'use client';

import dynamic from 'next/dynamic';
import { useCallback, useId, useRef, useState } from 'react';
import type { CanvasGeometry } from './canvas-focus';
import { useCanvasKeyboard } from './canvas-keyboard';
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
  /** The selected node or edge, as in the URL. */
  selected: GraphSelection;
  /** Node names, for what the keyboard announces. */
  nameOf: (id: string) => string;
  onSelect: (selection: GraphSelection) => void;
}

/**
 * The drawn graph in a focusable container: it exposes counts for tests, a summary for screen readers, keyboard
 * navigation between nodes with a live region, and a note while a layout runs.
 */
export function GraphCanvas({ elements, nodeCount, edgeCount, description, layout, relayoutToken, animate, selected, nameOf, onSelect }: GraphCanvasProps) {
  const [layoutRuns, setLayoutRuns] = useState(0);
  const [layingOut, setLayingOut] = useState(false);
  const dark = useDarkMode();
  const helpId = useId();
  const geometry = useRef<CanvasGeometry | null>(null);
  const onGeometry = useCallback((g: CanvasGeometry | null) => {
    geometry.current = g;
  }, []);
  const onLayoutRun = useCallback(() => setLayoutRuns((n) => n + 1), []);
  const keyboard = useCanvasKeyboard({ elements, selected, nameOf, onSelect, geometry });
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-2">
      <div
        data-testid="graph"
        data-node-count={nodeCount}
        data-edge-count={edgeCount}
        data-layout-runs={layoutRuns}
        data-layout-pending={layingOut}
        // An application: screen readers hand it the arrow keys instead of reading the page with them.
        role="application"
        tabIndex={0}
        aria-label={`${description}: ${nodeCount} nodes, ${edgeCount} edges`}
        aria-describedby={helpId}
        onKeyDown={keyboard.onKeyDown}
        onBlur={keyboard.onFocusLost}
        onMouseDown={keyboard.onPointer}
        // Cytoscape blurs whatever had focus when the canvas is pressed; take it back, so keys work after a click.
        onClick={(e) => e.currentTarget.focus({ preventScroll: true })}
        className="relative h-[65vh] min-h-96 rounded border border-slate-200 bg-slate-50 outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-2 dark:border-slate-800 dark:bg-slate-900 dark:focus-visible:ring-sky-400 dark:focus-visible:ring-offset-slate-950"
      >
        <CytoscapeView
          elements={elements}
          layout={layout}
          relayoutToken={relayoutToken}
          animate={animate}
          dark={dark}
          onSelect={onSelect}
          onLayoutRun={onLayoutRun}
          onLayoutPending={setLayingOut}
          focusedId={keyboard.outlined}
          onGeometry={onGeometry}
        />
        <div role="status" className="pointer-events-none absolute left-2 top-2">
          {layingOut && (
            <span className="flex items-center gap-2 rounded bg-white/90 px-2 py-1 text-xs text-slate-700 shadow dark:bg-slate-800/90 dark:text-slate-200">
              <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-sky-600 motion-reduce:animate-none" />
              Laying out…
            </span>
          )}
        </div>
      </div>
      <p role="status" className="sr-only">
        {keyboard.message}
      </p>
      <p id={helpId} className="text-xs text-slate-600 dark:text-slate-400">
        Keyboard: focus the graph, then arrow keys move between nodes, Enter or Space opens one, [ and ] step through
        the open node&apos;s neighbours, Escape closes. The table view below lists every node and edge.
      </p>
      <GraphLegend />
    </div>
  );
}
