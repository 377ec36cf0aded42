'use client';

// The one component that wraps react-cytoscapejs. Elements are applied imperatively (cy-sync.ts) rather than
// through the wrapper's `elements` prop, so a refresh updates data in place and never re-runs the layout.

import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import { useCanvasGeometry, useFocusedNode, type CanvasGeometry } from './canvas-focus';
import { syncElements } from './cy-sync';
import type { CyElement } from './elements';
import { createLayoutWorker, LayoutRunner } from './layout-client';
import type { Position } from './placement';
import { buildStylesheet, DENSE_EDGES_ABOVE, FLOW_DASH, NODE_LABEL_MIN_ZOOM, readGraphColors } from './stylesheet';
import type { LayoutName } from './url-state';

cytoscape.use(dagre);
cytoscape.use(fcose);

// The wrapper's default `elements` is a demo graph; an empty constant keeps it out of our way for good.
const NO_ELEMENTS: ElementDefinition[] = [];
const FLOW_PERIOD = FLOW_DASH[0] + FLOW_DASH[1];
const FLOW_PX_PER_SECOND = 20;
// Restyling every edge each frame is the animation's cost; 25 updates a second look smooth enough.
const FLOW_FRAME_MS = 40;

export type GraphSelection = { kind: 'node' | 'edge'; id: string } | null;

export interface CytoscapeViewProps {
  elements: readonly CyElement[];
  layout: LayoutName;
  /** Bumped by the Re-layout button. */
  relayoutToken: number;
  /** Animate edges marked `flow` (the caller already honours reduced motion). */
  animate: boolean;
  dark: boolean;
  onSelect: (selection: GraphSelection) => void;
  onLayoutRun: () => void;
  /** Positions to start from, read on mount only (the rendering benchmark draws without running a layout). */
  initialPositions?: ReadonlyMap<string, Position>;
  /** A layout is running in the worker (true) or no longer (false). */
  onLayoutPending?: (pending: boolean) => void;
  /** The node the keyboard is on, outlined and kept in view; null for none. */
  focusedId?: string | null;
  /** Hands over the canvas' geometry once there is a canvas, and null when it goes. Must be stable. */
  onGeometry?: (geometry: CanvasGeometry | null) => void;
}

/** The graph canvas. Positions live in a ref keyed by node id, so they survive re-renders and remounts. */
export function CytoscapeView(props: CytoscapeViewProps) {
  const { elements, layout, relayoutToken, animate, dark, onSelect, onLayoutRun, onLayoutPending, focusedId, onGeometry } = props;
  const [cy, setCy] = useState<Core | null>(null);
  const positions = useRef(new Map<string, Position>(props.initialPositions));
  const fitted = useRef<Core | null>(null);
  const lastLayoutInputs = useRef({ layout, relayoutToken });
  const callbacks = useRef({ onSelect, onLayoutRun, onLayoutPending, layout });
  const runner = useRef<LayoutRunner | null>(null);

  useEffect(() => {
    callbacks.current = { onSelect, onLayoutRun, onLayoutPending, layout };
  });

  // Created on first use and stopped on unmount, so a worker never outlives the canvas.
  const layoutRunner = () =>
    (runner.current ??= new LayoutRunner({
      positions: positions.current,
      createWorker: typeof Worker === 'undefined' ? undefined : createLayoutWorker,
      onLayout: () => callbacks.current.onLayoutRun(),
      onPending: (pending) => callbacks.current.onLayoutPending?.(pending),
    }));
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = null;
    },
    [],
  );

  const dense = elements.filter((e) => e.group === 'edges').length > DENSE_EDGES_ABOVE;
  // A dense graph fits at a small zoom, so it starts without node labels; zooming in past the threshold restyles once.
  const [zoomedOut, setZoomedOut] = useState(true);
  const stylesheet = useMemo(
    () =>
      buildStylesheet(readGraphColors((v) => getComputedStyle(document.documentElement).getPropertyValue(v)), {
        dark,
        // Only crossing a threshold changes the sheet; numbers that stay on one side must not restyle the graph.
        edgeCount: dense ? DENSE_EDGES_ABOVE + 1 : 0,
        zoomedOut: dense && zoomedOut,
      }),
    [dark, dense, zoomedOut],
  );

  useEffect(() => {
    if (!cy) return;
    // Not checked at once: before the first fit the zoom is 1, and labels switched on for that moment would cost
    // the first frame a thousand label measurements. The fit's own zoom event settles it.
    const check = () => setZoomedOut(cy.zoom() < NODE_LABEL_MIN_ZOOM);
    cy.on('zoom', check);
    return () => {
      if (!cy.destroyed()) cy.off('zoom', check);
    };
  }, [cy]);

  const handleCy = useCallback((instance: Core) => setCy((prev) => (prev === instance ? prev : instance)), []);

  useEffect(() => {
    if (!cy) return;
    const select = (e: EventObject) => callbacks.current.onSelect({ kind: e.target.isNode() ? 'node' : 'edge', id: e.target.id() });
    const clear = (e: EventObject) => {
      if (e.target === cy) callbacks.current.onSelect(null);
    };
    const dragged = (e: EventObject) => positions.current.set(e.target.id(), { ...e.target.position() });
    cy.on('tap', 'node, edge', select);
    cy.on('tap', clear);
    cy.on('dragfree', 'node', dragged);
    return () => {
      if (cy.destroyed()) return;
      cy.off('tap', 'node, edge', select);
      cy.off('tap', clear);
      cy.off('dragfree', 'node', dragged);
    };
  }, [cy]);

  useEffect(() => {
    const container = cy?.container();
    if (!cy || !container) return;
    // The side panel opening or closing resizes the canvas without a window resize event.
    // It also reports once on attach; resizing then would redraw the whole graph a second time for nothing.
    const observer = new ResizeObserver(([entry]) => {
      if (cy.destroyed() || !entry) return;
      const { width, height } = entry.contentRect;
      if (Math.round(width) !== cy.width() || Math.round(height) !== cy.height()) cy.resize();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [cy]);

  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    const result = syncElements(cy, elements, positions.current);
    if (result.needsLayout) {
      layoutRunner().run(cy, callbacks.current.layout, { fresh: true });
      fitted.current = cy;
    } else if (fitted.current !== cy && cy.nodes().length > 0) {
      // A fresh canvas drawn from remembered positions: frame it once, later syncs keep the user's viewport.
      cy.fit(undefined, 30);
      fitted.current = cy;
    }
  }, [cy, elements]);

  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    const previous = lastLayoutInputs.current;
    lastLayoutInputs.current = { layout, relayoutToken };
    if (previous.layout === layout && previous.relayoutToken === relayoutToken) return;
    if (cy.nodes().length === 0) return;
    layoutRunner().run(cy, layout);
  }, [cy, layout, relayoutToken]);

  useCanvasGeometry(cy, onGeometry);
  useFocusedNode(cy, focusedId ?? null, dark, elements);

  useEffect(() => {
    if (!cy || !animate) return;
    let frame = 0;
    let last = 0;
    const step = (t: number) => {
      if (cy.destroyed()) return;
      if (t - last >= FLOW_FRAME_MS) {
        last = t;
        const offset = -((t / 1000) * FLOW_PX_PER_SECOND) % FLOW_PERIOD;
        cy.batch(() => cy.edges('.flow').style('line-dash-offset', offset));
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(frame);
      if (!cy.destroyed()) cy.edges().removeStyle('line-dash-offset');
    };
  }, [cy, animate]);

  return (
    <CytoscapeComponent
      elements={NO_ELEMENTS}
      stylesheet={stylesheet}
      cy={handleCy}
      className="h-full w-full"
      minZoom={0.1}
      maxZoom={4}
      boxSelectionEnabled={false}
      autounselectify
    />
  );
}
