import { expect, test } from '@playwright/test';

// Runs against the lab: the simulator sends a sampled share of bookinfo requests to Jaeger as traces, the
// ingress gateway's span first, then productpage, details, reviews and ratings (client and server span per hop).

test.describe('traces', () => {
  test.setTimeout(120_000);

  test('search, open a trace from the scatter plot, collapse a subtree, show the critical path, go to the graph', async ({ page }) => {
    const scatter = page.getByRole('group', { name: 'Traces by start time and duration' });
    // The first traces reach Jaeger a few seconds after the lab starts; Find traces asks again until they show.
    await page.goto('/traces?service=productpage.bookinfo&lookback=15m');
    await expect(async () => {
      await page.getByRole('button', { name: 'Find traces' }).click();
      await expect(scatter.getByRole('link').first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });

    await scatter.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}$/);
    const spans = page.getByRole('grid', { name: 'Spans' });
    const rows = spans.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
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
});
