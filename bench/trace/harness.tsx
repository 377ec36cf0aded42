// The page the waterfall benchmark loads in headless Chromium (bundled by bench/trace-waterfall.ts through
// bench/render/page.ts). Each call, on a fresh page, builds the synthetic trace's tree before the clock starts (the
// app builds it in TraceDetail, outside Waterfall), mounts one mode, then clicks "Collapse all" and "Expand all".

import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { buildTraceTree, type TraceTree } from '@/components/traces/trace-tree';
import { Waterfall } from '@/components/traces/waterfall';
import { PlainWaterfall } from './plain-waterfall';
import type { WaterfallMode, WaterfallTiming } from './protocol';
import { syntheticTrace } from './synthetic-trace';

// The page has no Tailwind build, and the row window is worked out from the grid's measured height: without these
// rules the grid would grow to the full list's height and Waterfall would mount every row. Both modes get them.
const LAYOUT_CSS = `
.h-\\[60vh\\]{height:60vh}.min-h-64{min-height:16rem}.overflow-auto{overflow:auto}
.flex{display:flex}.items-center{align-items:center}.relative{position:relative}.absolute{position:absolute}
.h-full{height:100%}.w-2\\/5{width:40%}.w-3\\/5{width:60%}.min-w-0{min-width:0}.shrink-0{flex-shrink:0}
.w-4{width:1rem}.w-1{width:.25rem}.h-3{height:.75rem}.top-0{top:0}.top-1\\/2{top:50%}.-translate-y-1\\/2{transform:translateY(-50%)}
.truncate{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.border-b{border-bottom:1px solid #eee}
.text-xs{font-size:12px}.pr-2{padding-right:.5rem}.gap-1{gap:.25rem}.gap-2{gap:.5rem}
.block{display:block}.w-full{width:100%}.inset-x-0{left:0;right:0}
`;

// The app keeps the selected span in the URL (TraceDetail); here it is plain state, as no run selects a span.
function OurWaterfall({ tree }: { tree: TraceTree }) {
  const [selected, setSelected] = useState<string | null>(null);
  return <Waterfall tree={tree} criticalPath={[]} selected={selected} onSelect={setSelected} />;
}

function stage(): HTMLElement {
  const el = document.getElementById('stage');
  if (!el) throw new Error('harness page has no #stage');
  return el;
}

const countRows = (el: HTMLElement) => el.querySelectorAll('[role="row"]').length;
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

/**
 * Resolves with the time of the second animation frame after `el` first holds a row count that `ready` accepts:
 * the first frame's callbacks run before it paints, so the second one runs once the rows are on screen.
 */
function rowsPainted(el: HTMLElement, ready: (rows: number) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const done = () => void nextFrame().then(() => nextFrame().then(resolve));
    if (ready(countRows(el))) return done();
    const observer = new MutationObserver(() => {
      if (!ready(countRows(el))) return;
      observer.disconnect();
      done();
    });
    observer.observe(el, { childList: true, subtree: true });
  });
}

/** Resolves with the time of the next animation frame after the minimap's canvas is first drawn. */
function minimapPainted(el: HTMLElement): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!el.querySelector('canvas[data-lines]')) return;
      observer.disconnect();
      void nextFrame().then(resolve);
    });
    observer.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-lines'] });
  });
}

/** Waits until the row count has held for a few frames: Waterfall re-renders once its ResizeObserver measures. */
async function settledRows(el: HTMLElement): Promise<number> {
  let last = countRows(el);
  for (let still = 0, frames = 0; still < 3 && frames < 120; frames++) {
    await nextFrame();
    const now = countRows(el);
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

function button(el: HTMLElement, label: string): HTMLButtonElement {
  const found = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no "${label}" button`);
  return found;
}

async function run(mode: WaterfallMode, spanCount: number): Promise<WaterfallTiming> {
  const tree = buildTraceTree(syntheticTrace(spanCount));
  const roots = tree.nodes.filter((n) => n.depth === 0).length;
  const el = stage();
  const root = createRoot(el);

  const t0 = performance.now();
  const minimapDrawn = mode === 'ours' ? minimapPainted(el) : Promise.resolve(null);
  root.render(mode === 'ours' ? <OurWaterfall tree={tree} /> : <PlainWaterfall tree={tree} />);
  const firstRowsMs = (await rowsPainted(el, (n) => n > 0)) - t0;
  const drawnAt = await minimapDrawn;
  const minimapMs = drawnAt === null ? null : drawnAt - t0;
  const mountedRows = await settledRows(el);

  const t1 = performance.now();
  button(el, 'Collapse all').click();
  const collapseMs = (await rowsPainted(el, (n) => n === roots)) - t1;

  const t2 = performance.now();
  button(el, 'Expand all').click();
  const expandMs = (await rowsPainted(el, (n) => n === mountedRows)) - t2;

  root.unmount();
  return { firstRowsMs, minimapMs, mountedRows, collapseMs, expandMs, spans: tree.nodes.length };
}

const style = document.createElement('style');
style.textContent = LAYOUT_CSS;
document.head.append(style);
window.traceBench = { run };
