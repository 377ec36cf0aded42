'use client';

import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { serviceColour } from './format';
import { minimapLabel, minimapLines, rowAtY, viewportRect, type SpanMarks } from './minimap-model';
import type { TraceTree } from './trace-tree';

export const MINIMAP_HEIGHT = 60;
// A find match also gets a tick at the strip's right edge, so it shows even under a merged line's colour.
const MATCH_TICK_PX = 4;

export interface MinimapProps {
  tree: TraceTree;
  /** The waterfall's visible rows, as indices into `tree.nodes`. */
  rows: readonly number[];
  matches: SpanMarks;
  /** Spans on the critical path; undefined when it is not shown. */
  critical: SpanMarks | undefined;
  /** The rows in the waterfall's view, first to last inclusive. */
  view: { first: number; last: number };
  onJump: (row: number) => void;
}

function colours(el: HTMLElement) {
  const css = getComputedStyle(el);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { failure: read('--color-failure', 'red'), critical: read('color', '#0f172a'), match: '#f59e0b' };
}

function draw(canvas: HTMLCanvasElement, props: Pick<MinimapProps, 'tree' | 'rows' | 'matches' | 'critical'>) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(MINIMAP_HEIGHT * ratio);
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx || width === 0) return;
  const paint = colours(canvas);
  // Lines in device pixels: one per pixel row at most, so 50,000 spans are a few hundred rectangles.
  const lines = minimapLines(props.tree, props.rows, height, props.matches, props.critical);
  for (const line of lines) {
    const x = line.x0 * width;
    const barHeight = Math.max(1, line.height > 2 ? line.height - 1 : line.height);
    ctx.fillStyle = line.error ? paint.failure : line.critical ? paint.critical : serviceColour(line.service);
    ctx.fillRect(x, line.y, Math.max(1, line.x1 * width - x), barHeight);
    if (line.match) {
      ctx.fillStyle = paint.match;
      ctx.fillRect(width - MATCH_TICK_PX * ratio, line.y, MATCH_TICK_PX * ratio, Math.max(1, line.height));
    }
  }
  // A canvas shows nothing to the DOM: tests and the benchmark read this to know the strip has been drawn.
  canvas.dataset.lines = String(lines.length);
}

/**
 * The whole trace at a glance above the waterfall, drawn on one canvas, with a frame over the rows in view;
 * pressing or dragging on it scrolls the waterfall there. The waterfall stays the accessible surface: this is an
 * image with a summary, not a focus stop.
 */
export function Minimap({ tree, rows, matches, critical, view, onJump }: MinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const resize = new ResizeObserver(() => setWidth(el.clientWidth));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el || width === 0) return;
    // Drawn on the next frame, so the waterfall's first rows are painted before the strip is worked out.
    const frame = requestAnimationFrame(() => draw(el, { tree, rows, matches, critical }));
    return () => cancelAnimationFrame(frame);
  }, [tree, rows, matches, critical, width]);

  const jump = (e: PointerEvent<HTMLDivElement>) => {
    const row = rowAtY(e.clientY - e.currentTarget.getBoundingClientRect().top, MINIMAP_HEIGHT, rows.length);
    if (row >= 0) onJump(row);
  };
  const frame = viewportRect(view.first, view.last, rows.length, MINIMAP_HEIGHT);
  return (
    <div
      role="img"
      aria-label={minimapLabel(rows.length, tree.nodes.length, view.first, view.last)}
      data-first-row={view.first}
      data-last-row={view.last}
      className="relative cursor-pointer touch-none select-none rounded border border-slate-200 bg-slate-50 text-slate-900 dark:border-slate-800 dark:bg-slate-900 dark:text-white"
      style={{ height: MINIMAP_HEIGHT + 2 }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        // Captured, so a drag that leaves the strip keeps scrolling until the button is released.
        e.currentTarget.setPointerCapture(e.pointerId);
        jump(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) jump(e);
      }}
    >
      <canvas ref={canvas} aria-hidden className="block w-full" style={{ height: MINIMAP_HEIGHT }} />
      <div aria-hidden className="pointer-events-none absolute inset-x-0 border border-sky-600 bg-sky-500/15" style={{ top: frame.top, height: frame.height }} />
    </div>
  );
}
