'use client';

// The one component that wraps react-cytoscapejs. Elements are applied imperatively (cy-sync.ts) rather than
// through the wrapper's `elements` prop, so a refresh updates data in place and never re-runs the layout.

import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import { runLayout, syncElements } from './cy-sync';
import type { CyElement } from './elements';
import type { Position } from './placement';
import { buildStylesheet, FLOW_DASH, readGraphColors } from './stylesheet';
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
}

/** The graph canvas. Positions live in a ref keyed by node id, so they survive re-renders and remounts. */
export function CytoscapeView({ elements, layout, relayoutToken, animate, dark, onSelect, onLayoutRun }: CytoscapeViewProps) {
  const [cy, setCy] = useState<Core | null>(null);
  const positions = useRef(new Map<string, Position>());
  const fitted = useRef<Core | null>(null);
  const lastLayoutInputs = useRef({ layout, relayoutToken });
  const callbacks = useRef({ onSelect, onLayoutRun, layout });

  useEffect(() => {
    callbacks.current = { onSelect, onLayoutRun, layout };
  });

  const stylesheet = useMemo(
    () => buildStylesheet(readGraphColors((v) => getComputedStyle(document.documentElement).getPropertyValue(v)), { dark }),
    [dark],
  );

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
    const observer = new ResizeObserver(() => {
      if (!cy.destroyed()) cy.resize();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [cy]);

  useEffect(() => {
    if (!cy || cy.destroyed()) return;
    const result = syncElements(cy, elements, positions.current);
    if (result.needsLayout) {
      runLayout(cy, callbacks.current.layout, positions.current);
      callbacks.current.onLayoutRun();
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
    runLayout(cy, layout, positions.current);
    callbacks.current.onLayoutRun();
  }, [cy, layout, relayoutToken]);

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
