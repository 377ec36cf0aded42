// Benchmark of issue 6: the trace waterfall on synthetic traces of 10,000 and 50,000 spans. Jaeger UI cannot be
// built here, so the baseline is a plain list mounting every row with the same WaterfallRow (see plain-waterfall).
// Prints, measured side by side in one run in Debian's headless Chromium, the p50 of each figure per mode and the
// ratio ours ÷ plain: time to the first painted rows, mounted rows, time to "Collapse all", to "Expand all"; and
// for ours alone, the time to its minimap's first draw.
// Usage: npm run bench:traces   (BENCH_RUNS=5 runs per mode and size, a fresh page each)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { ensureDebianPackages } from '../lab/binaries';
import { bundleHarness, servePage } from './render/page';
import { WATERFALL_MODES, type WaterfallMode, type WaterfallTiming } from './trace/protocol';
import { ms, quantile, ratio } from './trace/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [10_000, 50_000];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a positive integer');

/** One run on a fresh page, so no run inherits another's heap, style caches or layout. */
async function runOnce(browser: Browser, url: string, mode: WaterfallMode, spans: number): Promise<WaterfallTiming> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.traceBench !== undefined);
    const t = await page.evaluate(([m, n]) => window.traceBench!.run(m, n), [mode, spans] as const);
    // A run over another trace would not measure what the ratio claims.
    if (t.spans !== spans) throw new Error(`${mode}: the tree has ${t.spans} spans, expected ${spans}`);
    return t;
  } finally {
    await page.close();
  }
}

async function sizeBench(browser: Browser, url: string, spans: number): Promise<void> {
  const results = new Map<WaterfallMode, WaterfallTiming[]>(WATERFALL_MODES.map((m) => [m, []]));
  // One discarded run per mode: the first pages pay for starting the renderer and compiling the bundle.
  for (const mode of WATERFALL_MODES) await runOnce(browser, url, mode, spans);
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order, so neither mode always runs on the warmer browser.
    for (let k = 0; k < WATERFALL_MODES.length; k++) {
      const mode = WATERFALL_MODES[(i + k) % WATERFALL_MODES.length]!;
      results.get(mode)!.push(await runOnce(browser, url, mode, spans));
    }
  }
  const p50 = (mode: WaterfallMode, pick: (t: WaterfallTiming) => number) => quantile(results.get(mode)!.map(pick), 0.5);
  const figures: [string, (t: WaterfallTiming) => number][] = [
    ['first rows painted', (t) => t.firstRowsMs],
    ['collapse all', (t) => t.collapseMs],
    ['expand all', (t) => t.expandMs],
  ];
  console.log(`\n${spans.toLocaleString('en')} spans, p50 of ${RUNS} runs per mode`);
  console.log('figure                    ours p50   plain p50   ours ÷ plain   (plain ÷ ours)');
  for (const [name, pick] of figures) {
    const ours = p50('ours', pick);
    const plain = p50('plain', pick);
    console.log(`${name.padEnd(22)}  ${ms(ours)}   ${ms(plain)}   ${ratio(ours / plain)}        (${(plain / ours).toFixed(0)}×)`);
  }
  // Only ours has a minimap, so this figure has no ratio: it is how long after the render the strip shows.
  const minimap = p50('ours', (t) => t.minimapMs ?? NaN);
  console.log(`${'minimap drawn'.padEnd(22)}  ${ms(minimap)}   ${'—'.padStart(9)}`);
  const rows = (mode: WaterfallMode) => [...new Set(results.get(mode)!.map((t) => t.mountedRows))].join('/');
  const rowRatio = p50('ours', (t) => t.mountedRows) / p50('plain', (t) => t.mountedRows);
  console.log(`${'mounted rows'.padEnd(22)}  ${rows('ours').padStart(9)}   ${rows('plain').padStart(9)}   ${rowRatio.toFixed(4).padStart(7)}`);
}

ensureDebianPackages([{ command: 'chromium', pkg: 'chromium' }]);
const started = performance.now();
const outDir = mkdtempSync(join(tmpdir(), 'meshscope-trace-bench-'));
let browser: Browser | undefined;
let served: Awaited<ReturnType<typeof servePage>> | undefined;
try {
  await bundleHarness(outDir, join(import.meta.dirname, 'trace', 'harness.tsx'));
  // The page builds the trace itself from the span count (synthetic-trace.ts), so the input is empty.
  served = await servePage(outDir, {});
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  console.log('Trace waterfall benchmark: a seeded synthetic trace, one root, fan-out 2–8 per span, 7 services, ~1% errors');
  console.log(`Chromium ${browser.version()}, headless, ${VIEWPORT.width}×${VIEWPORT.height}; a fresh page per run; tree built before the clock`);
  console.log('ours = Waterfall (windowed rows, with its canvas minimap); plain = every visible row mounted as a WaterfallRow in the same container');
  console.log('Each time ends two animation frames after the DOM holds the expected rows (so those rows are painted).');
  for (const spans of SIZES) await sizeBench(browser, served.url, spans);
  console.log(`\nbench took ${Math.round((performance.now() - started) / 1000)} s`);
} finally {
  await browser?.close();
  await served?.close();
  rmSync(outDir, { recursive: true, force: true });
}
