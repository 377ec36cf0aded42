// Benchmark (c) of the graph issue, and the size at which the automatic layout should switch from dagre to fcose.
// No lab needed: the large scenario's workload graph is worked out from the simulator's generator (seeded).
// Prints, measured side by side in one run, in Debian's headless Chromium:
//   (c) first frame of CytoscapeView ÷ bare cytoscape on the same elements and preset positions (goal ≤ 1.3)
//   layout time of dagre and fcose on connected subgraphs, and the node count where dagre stops fitting
// Usage: npm run bench:render   (BENCH_RUNS=5 render runs per mode, BENCH_LAYOUT_RUNS=3 layout runs per cell)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureDebianPackages } from '../lab/binaries';
import { connectedSubset, largeGraph, layeredPositions } from './render/large-graph';
import { bundleHarness, servePage } from './render/page';
import { RENDER_MODES, type BenchInput, type LayoutAlgorithm, type LayoutTiming, type RenderMode, type RenderTiming } from './render/protocol';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LAYOUT_RUNS = Number(process.env.BENCH_LAYOUT_RUNS ?? 3);
const GOAL = 1.3;
const LAYOUT_SIZES = [25, 50, 100, 150, 200, 300, 500, 1000];
// The rule for the threshold: dagre's layered left-to-right picture is the more readable one, so keep it for as
// long as it stays within an interactive budget; past that, fcose. A "dagre slower than fcose" rule would flip on
// a few milliseconds' noise at sizes where both are instant, and says nothing about whether a user waits.
const LAYOUT_BUDGET_MS = 500;
// Once dagre's p50 at one size is this far past the budget, the next size is not run with dagre: its time grows
// faster than the node count (about 10× from 500 to 1,000 nodes here, over 40 s), and the whole bench must stay
// within a few minutes on a 2-core machine.
const DAGRE_GIVE_UP_MS = 3_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a positive integer');
if (!Number.isInteger(LAYOUT_RUNS) || LAYOUT_RUNS < 1) throw new Error('BENCH_LAYOUT_RUNS must be a positive integer');

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] ?? NaN;
}
const ms = (v: number) => `${Math.round(v)} ms`.padStart(8);
const ratio = (v: number) => v.toFixed(2);

/** Opens a fresh page on the harness, so no run inherits another's heap, caches or canvas. */
async function withPage<T>(browser: Browser, url: string, task: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.meshBench !== undefined);
    return await task(page);
  } finally {
    await page.close();
  }
}

async function renderOnce(browser: Browser, url: string, mode: RenderMode, input: BenchInput): Promise<RenderTiming> {
  const t = await withPage(browser, url, (page) => page.evaluate((m) => window.meshBench!.render(m), mode));
  // A run that drew something else, or ran a layout, would not measure what the ratio claims.
  if (t.nodes !== input.graph.nodes.length || t.edges !== input.graph.edges.length) {
    throw new Error(`${mode}: drew ${t.nodes} nodes and ${t.edges} edges, expected ${input.graph.nodes.length} and ${input.graph.edges.length}`);
  }
  if (t.layoutRuns !== 0 || !t.positionsKept) throw new Error(`${mode}: a layout ran or nodes moved; the preset positions were not used`);
  return t;
}

async function layoutOnce(browser: Browser, url: string, ids: string[], algorithm: LayoutAlgorithm): Promise<LayoutTiming> {
  return withPage(browser, url, (page) => page.evaluate(([n, a]) => window.meshBench!.layout(n, a), [ids, algorithm] as const));
}

async function renderBench(browser: Browser, url: string, input: BenchInput): Promise<void> {
  const results = new Map<RenderMode, RenderTiming[]>(RENDER_MODES.map((m) => [m, []]));
  // One discarded run per mode: the first page of a browser pays for starting its renderer and GPU processes.
  for (const mode of RENDER_MODES) await renderOnce(browser, url, mode, input);
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order, so no mode always runs right after another or on a warmer browser.
    for (let k = 0; k < RENDER_MODES.length; k++) {
      const mode = RENDER_MODES[(i + k) % RENDER_MODES.length]!;
      results.get(mode)!.push(await renderOnce(browser, url, mode, input));
    }
  }
  const p = (mode: RenderMode, q: number, pick: (t: RenderTiming) => number = (t) => t.totalMs) => quantile(results.get(mode)!.map(pick), q);
  console.log(`\nFirst frame: until the second animation frame after the first render with every node, ${RUNS} runs per mode`);
  console.log('(p95 by nearest rank). Then the p50 of each step, from the same start: elements pipeline; cytoscape instance');
  console.log("ready; first full render event; that frame's pixels committed; render events before it / after it.");
  console.log('mode      first frame p50       p95  |  pipeline  cy ready  full render  first pixels  renders');
  for (const mode of RENDER_MODES) {
    const p50 = (pick: (t: RenderTiming) => number) => p(mode, 0.5, pick);
    const steps = [p50((t) => t.pipelineMs), p50((t) => t.createdMs), p50((t) => t.firstRenderMs), p50((t) => t.firstPixelsMs)];
    console.log(
      `${mode.padEnd(8)}  ${ms(p(mode, 0.5))}        ${ms(p(mode, 0.95))}  |  ${steps.map((v, i) => ms(v).padStart([8, 8, 11, 12][i]!)).join('  ')}  ${p50((t) => t.emptyRenders)} / ${p50((t) => t.laterRenders)}`,
    );
  }
  const r50 = p('ours', 0.5) / p('bare', 0.5);
  const r95 = p('ours', 0.95) / p('bare', 0.95);
  console.log(`\n(c) ours ÷ bare:   p50 ${ratio(r50)}   p95 ${ratio(r95)}   goal ≤ ${GOAL} at p50 and p95: ${r50 <= GOAL && r95 <= GOAL ? 'met' : 'NOT met'}`);
  console.log(`    of which our stylesheet (styled ÷ bare):   p50 ${ratio(p('styled', 0.5) / p('bare', 0.5))}   p95 ${ratio(p('styled', 0.95) / p('bare', 0.95))}`);
  console.log(`    and the component (ours ÷ styled):          p50 ${ratio(p('ours', 0.5) / p('styled', 0.5))}   p95 ${ratio(p('ours', 0.95) / p('styled', 0.95))}`);
}

async function layoutBench(browser: Browser, url: string, input: BenchInput): Promise<void> {
  console.log(`\nLayout time (cy-sync.ts layoutOptions, no animation, drawn instance with our stylesheet), p50 of ${LAYOUT_RUNS} runs:`);
  console.log(' nodes   edges    dagre ms    fcose ms   faster');
  let dagreGaveUpAfter: number | null = null;
  const dagreP50 = new Map<number, number>();
  for (const size of LAYOUT_SIZES) {
    const ids = connectedSubset(input.graph, size);
    const times: Record<LayoutAlgorithm, number[]> = { dagre: [], fcose: [] };
    let edges = 0;
    for (let i = 0; i < LAYOUT_RUNS; i++) {
      const order: LayoutAlgorithm[] = i % 2 === 0 ? ['dagre', 'fcose'] : ['fcose', 'dagre'];
      for (const algorithm of order) {
        if (algorithm === 'dagre' && dagreGaveUpAfter !== null) continue;
        const t = await layoutOnce(browser, url, ids, algorithm);
        edges = t.edges;
        times[algorithm].push(t.ms);
      }
    }
    const fcose = quantile(times.fcose, 0.5);
    const dagre = times.dagre.length > 0 ? quantile(times.dagre, 0.5) : NaN;
    if (!Number.isNaN(dagre)) dagreP50.set(size, dagre);
    if (dagre > DAGRE_GIVE_UP_MS && dagreGaveUpAfter === null) dagreGaveUpAfter = size;
    const faster = Number.isNaN(dagre) ? '' : dagre <= fcose ? 'dagre' : 'fcose';
    const dagreText = Number.isNaN(dagre) ? `skipped`.padStart(8) : ms(dagre);
    console.log(`${String(ids.length).padStart(6)}  ${String(edges).padStart(6)}    ${dagreText}    ${ms(fcose)}   ${faster}`);
  }
  if (dagreGaveUpAfter !== null && dagreGaveUpAfter !== LAYOUT_SIZES.at(-1)) {
    console.log(`dagre took over ${DAGRE_GIVE_UP_MS / 1000} s at ${dagreGaveUpAfter} nodes, so larger sizes were not run with dagre (bench time).`);
  }

  const fits = LAYOUT_SIZES.filter((s) => (dagreP50.get(s) ?? Infinity) <= LAYOUT_BUDGET_MS);
  const firstOver = LAYOUT_SIZES.find((s) => !((dagreP50.get(s) ?? Infinity) <= LAYOUT_BUDGET_MS));
  console.log(`\nRule: dagre (layered, easier to read) while its p50 fits a ${LAYOUT_BUDGET_MS} ms interactive budget, fcose beyond.`);
  if (fits.length === 0) {
    console.log(`dagre exceeds ${LAYOUT_BUDGET_MS} ms at every measured size: use fcose from the smallest graphs.`);
    return;
  }
  const last = Math.max(...fits);
  console.log(
    firstOver === undefined
      ? `dagre fits the budget at every measured size up to ${last} nodes.`
      : `dagre fits the budget up to ${last} nodes and exceeds it at ${firstOver}: FCOSE_NODE_THRESHOLD = ${last} (measured granularity; the crossing lies between ${last} and ${firstOver}).`,
  );
}

ensureDebianPackages([{ command: 'chromium', pkg: 'chromium' }]);
const started = performance.now();
const graph = largeGraph();
const input: BenchInput = { graph, positions: layeredPositions(graph) };
const outDir = mkdtempSync(join(tmpdir(), 'meshscope-render-bench-'));
let browser: Browser | undefined;
let served: Awaited<ReturnType<typeof servePage>> | undefined;
try {
  await bundleHarness(outDir);
  served = await servePage(outDir, input);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  console.log(`Graph render benchmark: the large scenario's workload graph, ${graph.nodes.length} nodes and ${graph.edges.length} edges`);
  console.log(`Chromium ${browser.version()}, headless, ${VIEWPORT.width}×${VIEWPORT.height}; a fresh page per run; preset positions computed once`);
  console.log('bare = cytoscape with its default style; styled = bare cytoscape with our stylesheet; ours = CytoscapeView + elements.ts');
  await renderBench(browser, served.url, input);
  await layoutBench(browser, served.url, input);
  console.log(`\nbench took ${Math.round((performance.now() - started) / 1000)} s`);
} finally {
  await browser?.close();
  await served?.close();
  rmSync(outDir, { recursive: true, force: true });
}
