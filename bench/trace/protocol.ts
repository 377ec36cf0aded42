// What the Node driver (bench/trace-waterfall.ts) and the page (harness.tsx) say to each other. Types only.

/** `ours`: the real Waterfall (windowed); `plain`: every visible row mounted as a WaterfallRow, no windowing. */
export type WaterfallMode = 'ours' | 'plain';
export const WATERFALL_MODES: readonly WaterfallMode[] = ['ours', 'plain'];

/** Milliseconds, each until the second animation frame after the DOM showed the expected rows. */
export interface WaterfallTiming {
  /** From the render call (tree already built, as TraceDetail builds it outside Waterfall) to rows painted. */
  firstRowsMs: number;
  /** `[role="row"]` elements once the first frame is painted and the layout has been measured. */
  mountedRows: number;
  /** From clicking "Collapse all" until only the root row is painted. */
  collapseMs: number;
  /** From clicking "Expand all" until the rows mounted before the collapse are painted again. */
  expandMs: number;
  /** From the render call to the frame after the minimap's canvas is first drawn; null for `plain`, which has none. */
  minimapMs: number | null;
  /** Spans in the tree; checked by the driver so no run measures a different trace. */
  spans: number;
}

/** The page's entry point, set on `window.traceBench` once the bundle has loaded. */
export interface TraceBench {
  run(mode: WaterfallMode, spanCount: number): Promise<WaterfallTiming>;
}

declare global {
  interface Window {
    traceBench?: TraceBench;
  }
}
