// What the Node driver (bench/graph-render.ts) and the page (harness.tsx) say to each other. Types only.

import type { Position } from '@/components/graph/placement';
import type { Graph } from '@/lib/mesh/graph/types';

/**
 * `bare`: cytoscape with its default style; `styled`: bare cytoscape with our stylesheet (tells the stylesheet's
 * share from the component's); `ours`: the CytoscapeView component fed by elements.ts.
 */
export type RenderMode = 'bare' | 'styled' | 'ours';
export const RENDER_MODES: readonly RenderMode[] = ['bare', 'styled', 'ours'];

/** Served as /input.json; the page reads it before any clock starts. */
export interface BenchInput {
  graph: Graph;
  positions: Record<string, Position>;
}

/** Milliseconds from just before the mode's first step (elements pipeline, or the cytoscape call). */
export interface RenderTiming {
  /** Until the first frame painted after the first `render` event that drew every node. */
  totalMs: number;
  /** filterGraph + toCyElements (ours only). */
  pipelineMs: number;
  /** Until the cytoscape instance existed (bare: the constructor, with elements, returned). */
  createdMs: number;
  /** Until that `render` event. */
  firstRenderMs: number;
  /**
   * Until the task after that frame: the frame's paint is committed, so its pixels are on the way. `totalMs` ends
   * one frame later and so also holds whatever work the next frame's callbacks did (such as a redundant redraw).
   */
  firstPixelsMs: number;
  /** `render` events before it, drawn while elements were still missing. */
  emptyRenders: number;
  /** Frames drawn between it and the end (ours: a resize or a second style pass redraws everything). */
  laterRenders: number;
  nodes: number;
  edges: number;
  /** Layout runs the component reported; anything but 0 would mean a layout was timed. */
  layoutRuns: number;
  /** Every node is where the precomputed positions put it. */
  positionsKept: boolean;
}

export type LayoutAlgorithm = 'dagre' | 'fcose';

export interface LayoutTiming {
  ms: number;
  nodes: number;
  edges: number;
}

/** The page's entry points, set on `window.meshBench` once the input has loaded. */
export interface MeshBench {
  render(mode: RenderMode): Promise<RenderTiming>;
  /** Lays out the subgraph of `nodeIds` with the app's options for `algorithm` (cy-sync.ts layoutOptions). */
  layout(nodeIds: string[], algorithm: LayoutAlgorithm): Promise<LayoutTiming>;
}

declare global {
  interface Window {
    meshBench?: MeshBench;
  }
}
