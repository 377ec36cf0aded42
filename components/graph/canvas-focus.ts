'use client';

// What keyboard navigation needs from the cytoscape canvas: where the nodes are, and an outline on the
// keyboard's node. Hooks over a cytoscape instance; cytoscape-view.tsx owns the instance.

import type { Core } from 'cytoscape';
import { useEffect } from 'react';
import type { CyElement } from './elements';
import type { Position } from './placement';

/** What keyboard navigation reads from the canvas. */
export interface CanvasGeometry {
  /** Model positions: the screen's up to zoom and pan, which keep directions and nearness. */
  nodePositions(): Map<string, Position>;
  /** The model position at the middle of the viewport. */
  viewportCentre(): Position;
}

/** Hands the canvas' geometry to `onGeometry` while there is a canvas, and null after. */
export function useCanvasGeometry(cy: Core | null, onGeometry: ((geometry: CanvasGeometry | null) => void) | undefined): void {
  useEffect(() => {
    if (!cy || !onGeometry) return;
    onGeometry({
      nodePositions: () => new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])),
      viewportCentre: () => {
        const e = cy.extent();
        return { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };
      },
    });
    return () => onGeometry(null);
  }, [cy, onGeometry]);
}

// A style bypass, not a class: syncElements owns each element's class list and replaces it on every refresh.
const RING_PROPERTIES = 'outline-width outline-color outline-offset outline-opacity';
const ring = (dark: boolean) => ({ 'outline-width': 3, 'outline-color': dark ? '#38bdf8' : '#0284c7', 'outline-offset': 4, 'outline-opacity': 1 });

/** Outlines the keyboard's node and pans to it when the keyboard moves it off screen. */
export function useFocusedNode(cy: Core | null, focusedId: string | null, dark: boolean, elements: readonly CyElement[]): void {
  useEffect(() => {
    if (!cy || cy.destroyed() || !focusedId) return;
    const node = cy.getElementById(focusedId);
    if (!node.isNode()) return;
    node.style(ring(dark));
    return () => {
      if (!cy.destroyed()) node.removeStyle(RING_PROPERTIES);
    };
    // `elements`: a refresh may have removed and re-added the node (Hide, say), without its outline.
  }, [cy, focusedId, dark, elements]);

  useEffect(() => {
    if (!cy || cy.destroyed() || !focusedId) return;
    const node = cy.getElementById(focusedId);
    if (!node.isNode()) return;
    const at = node.position();
    const view = cy.extent();
    // Only when the focus moves, never on refreshes: panning then would fight the user's own panning.
    if (at.x < view.x1 || at.x > view.x2 || at.y < view.y1 || at.y > view.y2) cy.center(node);
  }, [cy, focusedId]);
}
