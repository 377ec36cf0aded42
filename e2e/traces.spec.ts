import { expect, test, type Page } from '@playwright/test';

// Runs against the lab: the simulator sends a sampled share of bookinfo requests to Jaeger as traces, the
// ingress gateway's span first, then productpage, details, reviews and ratings (client and server span per hop).

/** Searches productpage's traces and opens one from the scatter plot; returns the trace's id. */
async function openFirstTrace(page: Page): Promise<string> {
  const scatter = page.getByRole('group', { name: 'Traces by start time and duration' });
  // The first traces reach Jaeger a few seconds after the lab starts; Find traces asks again until they show.
  await page.goto('/traces?service=productpage.bookinfo&lookback=15m');
  await expect(async () => {
    await page.getByRole('button', { name: 'Find traces' }).click();
    await expect(scatter.getByRole('link').first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  // The last point is drawn on top: two traces of the same instant and duration sit on one spot, and a click on the
  // one underneath would land on the other.
  await scatter.getByRole('link').last().click();
  await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}$/);
  await expect.poll(() => spanRows(page).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

const spanRows = (page: Page) => page.getByRole('grid', { name: 'Spans' }).getByRole('row');
const minimap = (page: Page) => page.getByRole('img', { name: /^Minimap of / });

test.describe('traces', () => {
  test.setTimeout(120_000);

  test('search, open a trace from the scatter plot, collapse a subtree, show the critical path, go to the graph', async ({ page }) => {
    await openFirstTrace(page);
    const spans = page.getByRole('grid', { name: 'Spans' });
    const rows = spanRows(page);
    const all = await rows.count();

    // productpage's server span holds the calls to details and reviews: collapsing it hides them.
    await spans.getByRole('button', { name: /^Collapse / }).nth(1).click();
    await expect.poll(() => rows.count()).toBeLessThan(all);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect.poll(() => rows.count()).toBe(all);

    await expect(spans.locator('[data-critical]')).toHaveCount(0);
    await page.getByRole('checkbox', { name: /^Critical path/ }).check();
    await expect(spans.locator('[data-critical]').first()).toBeVisible();

    await page.getByRole('link', { name: 'Show on graph' }).click();
    await expect(page).toHaveURL(/\/graph\?.*namespaces=[^&]*bookinfo/);
    await expect(page.getByRole('heading', { level: 1, name: 'Graph' })).toBeVisible();
    // The trace's app versions are what the graph's Find highlights.
    await expect(page.getByRole('searchbox', { name: 'Find' })).toHaveValue(/\(ns = "bookinfo" and app = "productpage" and version = "v1"\)/);
  });

  test('the minimap pictures every row and scrolls the waterfall to where it is pressed', async ({ page }) => {
    await openFirstTrace(page);
    const map = minimap(page);
    const rowCount = Number(await page.getByRole('grid', { name: 'Spans' }).getAttribute('aria-rowcount'));
    await expect(map).toHaveAttribute('aria-label', new RegExp(`^Minimap of ${rowCount} spans; rows 1–\\d+ in view$`));
    // The canvas marks how many lines it drew: one per row while they fit in its height.
    await expect(map.locator('canvas')).toHaveAttribute('data-lines', String(Math.min(rowCount, 60)));

    const lastInView = Number(await map.getAttribute('data-last-row'));
    // A bookinfo trace (8 to 10 spans) usually fits in the waterfall; only a longer one can be scrolled.
    if (lastInView < rowCount - 1) {
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height - 3);
      await expect(map).toHaveAttribute('data-last-row', String(rowCount - 1));
      await expect.poll(() => page.getByRole('grid', { name: 'Spans' }).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    } else {
      await expect(map).toHaveAttribute('data-first-row', '0');
    }
  });

  test('a span link opens that span: selected, its details shown, the link in the URL', async ({ page }) => {
    const traceId = await openFirstTrace(page);
    const rows = spanRows(page);
    const spanId = await rows.nth(2).getAttribute('data-span-id');
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);

    // Choosing a span puts it in the URL.
    await rows.nth(2).getByRole('button').last().click();
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=${spanId}$`));

    await page.goto(`/traces/${traceId}?span=${spanId}`);
    const row = page.locator(`[role="row"][data-span-id="${spanId}"]`);
    await expect(row).toHaveAttribute('aria-selected', 'true');
    const details = page.getByRole('region', { name: /^Span / });
    await expect(details).toContainText(spanId!);
    await expect(details.getByRole('link', { name: 'Link to this span' })).toHaveAttribute('href', `/traces/${traceId}?span=${spanId}`);
    await expect(details.getByRole('button', { name: 'Copy link' })).toBeVisible();

    // Closing the details takes the span out of the URL.
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(details).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}$`));

    // A span from elsewhere is reported, and the trace still shows.
    await page.goto(`/traces/${traceId}?span=00000000000000ff`);
    await expect(page.getByRole('status').filter({ hasText: 'Span 00000000000000ff is not in this trace.' })).toBeVisible();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
  });
});
