import { expect, test, type Page } from '@playwright/test';

// Runs against the lab: the simulator plays bookinfo in namespace bookinfo, where reviews has versions v1, v2, v3
// and productpage calls it.

const VERSIONS = ['v1', 'v2', 'v3'];

/** A chart of the metrics grid: a group named by its title holding the chart and its legend. */
const chart = (page: Page, title: string) => page.getByRole('group', { name: title, exact: true });

/** The names of a chart's legend entries (one toggle button per series). */
async function legendNames(page: Page, title: string): Promise<string[]> {
  const legend = chart(page, title).getByRole('list', { name: /^Series/ });
  return (await legend.getByRole('button').allTextContents()).map((t) => t.trim());
}

test.describe('details', () => {
  test.setTimeout(120_000);

  test('from the overview, through a namespace, to a service and its inbound metrics', async ({ page }) => {
    await page.goto('/');
    const card = page.getByRole('region', { name: 'Namespaces' }).getByRole('article', { name: 'bookinfo', exact: true });
    await card.getByRole('link', { name: 'Services in bookinfo', exact: true }).click();
    await expect(page).toHaveURL(/\/services\?namespaces=bookinfo$/);
    await page.getByRole('table', { name: 'Services', exact: true }).getByRole('link', { name: 'reviews', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'reviews' })).toBeVisible();
    await page.getByRole('tab', { name: 'Inbound' }).click();
    await expect(page).toHaveURL(/[?&]tab=inbound/);
    const requestRate = chart(page, 'Request rate');
    await expect(requestRate.getByRole('figure', { name: /^Request rate/ })).toBeVisible({ timeout: 60_000 });
    await expect(requestRate.locator('path.recharts-curve').first()).toBeVisible();
  });

  test('the inbound metrics of a service, split by version', async ({ page }) => {
    await page.goto('/namespaces/bookinfo/services/reviews?tab=inbound');
    await expect(page.getByRole('heading', { level: 1, name: 'reviews' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Inbound' })).toHaveAttribute('aria-selected', 'true');
    // A service only receives: no outbound tab.
    await expect(page.getByRole('tab', { name: 'Outbound' })).toHaveCount(0);

    // The figure only exists once data came; the first data needs a couple of Prometheus scrapes of the simulator.
    const requestRate = chart(page, 'Request rate');
    await expect(requestRate.getByRole('figure', { name: /^Request rate/ })).toBeVisible({ timeout: 60_000 });
    await expect(requestRate.locator('path.recharts-curve').first()).toBeVisible();
    // Unsplit, the series are response-code classes only.
    expect((await legendNames(page, 'Request rate')).every((name) => /^\dxx$|^no response$|^other$/.test(name))).toBe(true);

    await page.getByRole('checkbox', { name: /^Split by version/ }).check();
    await expect(page).toHaveURL(/[?&]byVersion=true/);
    // The error-rate chart has exactly one series per version.
    await expect.poll(() => legendNames(page, 'Error rate'), { timeout: 30_000 }).toEqual(VERSIONS.map((v) => `${v} · errors`));
    // The request-rate chart has its classes per version, and only those versions.
    await expect
      .poll(async () => [...new Set((await legendNames(page, 'Request rate')).map((name) => name.split(' · ')[0]))], { timeout: 30_000 })
      .toEqual(VERSIONS);
    await expect(requestRate.locator('path.recharts-curve').first()).toBeVisible();

    // The URL carries the view, so a reload restores it.
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /^Split by version/ })).toBeChecked();
    await expect.poll(() => legendNames(page, 'Error rate'), { timeout: 30_000 }).toEqual(VERSIONS.map((v) => `${v} · errors`));
  });

  test('the traffic of a service names its callers, each linking to its page', async ({ page }) => {
    await page.goto('/namespaces/bookinfo/services/reviews');
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: 'Traffic', exact: true }).click();
    await expect(page).toHaveURL(/[?&]tab=traffic/);

    const incoming = page.getByRole('table', { name: 'Incoming traffic' });
    await expect(incoming).toBeVisible({ timeout: 60_000 });
    const source = incoming.getByRole('link', { name: /^productpage\b/ });
    await expect(source).toBeVisible();
    await expect(source).toHaveAttribute('href', '/namespaces/bookinfo/apps/productpage');
    // The service's traffic goes on to the versions behind it (which ones depends on the routing of the moment).
    const outgoing = page.getByRole('table', { name: 'Outgoing traffic' });
    await expect(outgoing.getByRole('link', { name: /^reviews v\d$/ }).first()).toBeVisible();
  });

  test('an item that does not exist says so and leads back to its list', async ({ page }) => {
    await page.goto('/namespaces/bookinfo/workloads/reviews-v9');
    await expect(page.getByRole('heading', { level: 1, name: 'No workload reviews-v9 in bookinfo' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the workloads of bookinfo' }).click();
    await expect(page).toHaveURL(/\/workloads\?namespaces=bookinfo$/);
  });

  test('an unknown kind is a 404 page', async ({ page }) => {
    const response = await page.goto('/namespaces/bookinfo/deployments/reviews-v1');
    expect(response?.status()).toBe(404);
  });
});
