'use client';

// The canvas' keyboard: which node the keyboard is on, what the live region says, and the container's
// handlers. The decisions are keyboard-nav.ts'; this hook holds the state and talks to the page.

import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { CanvasGeometry } from './canvas-focus';
import type { GraphSelection } from './cytoscape-view';
import type { CyElement } from './elements';
import { announcement, navKey } from './keyboard-nav';

export interface CanvasKeyboardInput {
  elements: readonly CyElement[];
  selected: GraphSelection;
  nameOf: (id: string) => string;
  onSelect: (selection: GraphSelection) => void;
  geometry: RefObject<CanvasGeometry | null>;
}

export interface CanvasKeyboard {
  /** The node to outline: the keyboard's node, once the keyboard has been used and while the canvas has focus. */
  outlined: string | null;
  /** What the live region says. */
  message: string;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocusLost: () => void;
  onPointer: () => void;
}

const sameSelection = (a: GraphSelection, b: GraphSelection) => a?.kind === b?.kind && a?.id === b?.id;

/** Arrow keys, Enter/Space, Escape and [ ] on the canvas; announces every selection, however it was made. */
export function useCanvasKeyboard({ elements, selected, nameOf, onSelect, geometry }: CanvasKeyboardInput): CanvasKeyboard {
  const selectedNode = selected?.kind === 'node' ? selected.id : null;
  const [cursor, setCursor] = useState<string | null>(selectedNode);
  const [keyboardUsed, setKeyboardUsed] = useState(false);
  const [message, setMessage] = useState('');
  const [seen, setSeen] = useState<GraphSelection>(selected);
  const edges = useMemo(
    () => elements.flatMap((e) => (e.group === 'edges' ? [{ id: e.data.id, source: e.data.source ?? '', target: e.data.target ?? '' }] : [])),
    [elements],
  );

  // A selection made anywhere (canvas, table, side panel, keyboard) moves the keyboard there and is announced.
  if (!sameSelection(selected, seen)) {
    setSeen(selected);
    if (selectedNode !== null) setCursor(selectedNode);
    if (selected === null) setMessage('Selection cleared');
    else if (selected.kind === 'node') setMessage(`Selected ${nameOf(selected.id)}`);
    else {
      const edge = edges.find((e) => e.id === selected.id);
      setMessage(edge ? `Selected the edge ${nameOf(edge.source)} → ${nameOf(edge.target)}` : 'Selected an edge');
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const canvas = geometry.current;
    if (!canvas || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = navKey(event.key, {
      nodes: canvas.nodePositions(),
      edges,
      focused: cursor,
      selected: selectedNode,
      centre: canvas.viewportCentre(),
    });
    if (!action) return;
    // Also keeps arrows and Space from scrolling the page, and Escape from reaching the side panel twice.
    event.preventDefault();
    setKeyboardUsed(true);
    const text = announcement(action, nameOf);
    if (text !== undefined) setMessage(text);
    if (action.kind === 'focus') setCursor(action.id);
    else if (action.kind === 'select') onSelect({ kind: 'node', id: action.id });
    else if (action.kind === 'clear') {
      setCursor(null);
      if (selected !== null) onSelect(null);
    }
  };

  return {
    outlined: keyboardUsed ? cursor : null,
    message,
    onKeyDown,
    // The outline is for keyboard users: a mouse user sees the selection's own border.
    onFocusLost: () => setKeyboardUsed(false),
    onPointer: () => setKeyboardUsed(false),
  };
}
