import { expect, test, type Locator, type Page } from '@playwright/test';

// Runs against the lab: bookinfo in namespace bookinfo, and travel next door, where discounts-v1 was deployed
// without a sidecar (lab/scenarios/bookinfo.yaml).

const REVIEWS = ['reviews-v1', 'reviews-v2', 'reviews-v3'];

// The order the list sorts names in: numbers inside names compare as numbers, case does not matter.
const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

const workloadsTable = (page: Page) => page.getByRole('table', { name: 'Workloads', exact: true });
const rowOf = (table: Locator, name: string) => table.getByRole('row').filter({ has: table.page().getByRole('link', { name, exact: true }) });

/** The names in the table, in row order, read in one go so a refetch cannot interleave. */
async function names(table: Locator): Promise<string[]> {
  const rows = await table.getByRole('row').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));
  const column = (rows[0] ?? []).findIndex((text) => text.replace(/[▲▼↕]/g, '').trim() === 'Name');
  expect(column, 'a Name column').toBeGreaterThanOrEqual(0);
  // Rows spanning the table (a namespace loading or failing) have a single cell.
  return rows.slice(1).filter((cells) => cells.length > column).map((cells) => cells[column] ?? '');
}

test.describe('inventory', () => {
  test.setTimeout(120_000);

  test('the overview shows bookinfo with traffic and leads to its workloads', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const panel = page.getByRole('region', { name: 'Namespaces' });
    const card = panel.getByRole('article', { name: 'bookinfo', exact: true });
    // The first rates need a couple of Prometheus scrapes of the simulator; Refresh asks again until they show.
    await expect(async () => {
      const refresh = panel.getByRole('button', { name: 'Refresh', exact: true });
      if (await refresh.isVisible()) await refresh.click({ timeout: 5_000 });
      expect(Number(await card.getAttribute('data-in-rps', { timeout: 5_000 }))).toBeGreaterThan(0);
    }).toPass({ timeout: 60_000 });
    await expect(card).toContainText(/Inbound\s*[<\d.]+ rps/);
    await expect(card).toContainText('Injection enabled');
    await expect(card.getByRole('link', { name: 'Graph of bookinfo', exact: true })).toHaveAttribute('href', '/graph?namespaces=bookinfo');

    await card.getByRole('link', { name: 'Workloads in bookinfo', exact: true }).click();
    await expect(page).toHaveURL(/\/workloads\?namespaces=bookinfo$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Workloads' })).toBeVisible();
    const table = workloadsTable(page);
    for (const name of REVIEWS) {
      await expect(table.getByRole('link', { name, exact: true })).toHaveAttribute('href', `/namespaces/bookinfo/workloads/${name}`);
    }
    await expect(rowOf(table, 'reviews-v1').getByRole('cell', { name: 'Injected', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Namespaces: bookinfo' })).toBeVisible();
  });

  test('the workload without a sidecar is marked missing', async ({ page }) => {
    await page.goto('/workloads?namespaces=bookinfo');
    const table = workloadsTable(page);
    await expect(table.getByRole('link', { name: 'reviews-v1', exact: true })).toBeVisible();

    // Add travel to the namespaces from the select, as a user would.
    await page.getByRole('button', { name: 'Namespaces: bookinfo' }).click();
    await page.getByRole('group', { name: 'Namespaces' }).getByRole('checkbox', { name: /^travel\s*(injected)?$/ }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('namespaces')).toBe('bookinfo,travel');

    const discounts = rowOf(table, 'discounts-v1');
    await expect(discounts.getByRole('cell', { name: 'Missing', exact: true })).toBeVisible();
    await expect(discounts.getByRole('cell', { name: 'travel', exact: true })).toBeVisible();
    // Bookinfo's rows stay: both namespaces in one table.
    await expect(rowOf(table, 'reviews-v2').getByRole('cell', { name: 'Injected', exact: true })).toBeVisible();
  });

  test('sorting by name and filtering by name survive a reload', async ({ page }) => {
    await page.goto('/workloads?namespaces=bookinfo');
    const table = workloadsTable(page);
    await expect(table.getByRole('link', { name: 'reviews-v3', exact: true })).toBeVisible();
    const before = await names(table);
    expect(before.length).toBeGreaterThan(3);

    const header = table.getByRole('columnheader', { name: 'Name', exact: true });
    await expect(header).not.toHaveAttribute('aria-sort');
    // Text columns sort ascending first; the second activation turns to descending.
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await header.getByRole('button').press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const descending = [...before].sort(byName).reverse();
    await expect.poll(() => names(table)).toEqual(descending);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name:desc');

    await page.getByRole('searchbox', { name: 'Name' }).fill('rev');
    await expect.poll(() => new URL(page.url()).searchParams.get('name')).toBe('rev');
    await expect.poll(() => names(table)).toEqual(['reviews-v3', 'reviews-v2', 'reviews-v1']);
    await expect(page.getByRole('status').filter({ hasText: /^3 of \d+ workloads in 1 namespace$/ })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Name' })).toHaveValue('rev');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => names(table)).toEqual(['reviews-v3', 'reviews-v2', 'reviews-v1']);
    expect(new URL(page.url()).searchParams.get('namespaces')).toBe('bookinfo');

    // A name that matches nothing says so, and offers the way back.
    await page.getByRole('searchbox', { name: 'Name' }).fill('no-such-workload');
    await expect(table.getByRole('status')).toContainText('No workloads in bookinfo match the filters');
    await table.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => names(table)).toEqual(descending);
    await expect.poll(() => new URL(page.url()).searchParams.get('name')).toBeNull();
  });
});
