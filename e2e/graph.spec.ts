import { expect, test, type Locator, type Page } from '@playwright/test';

// Runs against the lab: the simulator plays bookinfo in namespace bookinfo (and travel).

const BOOKINFO_NODES = ['productpage v1', 'reviews v1', 'reviews v2', 'reviews v3', 'ratings v1'];

const graph = (page: Page) => page.getByTestId('graph');
const count = async (page: Page, attribute: 'data-node-count' | 'data-edge-count' | 'data-layout-runs') =>
  Number(await graph(page).getAttribute(attribute));

async function openBookinfo(page: Page, query = 'namespaces=bookinfo&graphType=versionedApp') {
  await page.goto(`/graph?${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Graph' })).toBeVisible();
  // The first graph needs a couple of Prometheus scrapes of the simulator.
  await expect.poll(() => count(page, 'data-node-count'), { timeout: 60_000 }).toBeGreaterThan(0);
  // The renderer loads after the data; the first layout marks the canvas as drawn.
  await expect.poll(() => count(page, 'data-layout-runs')).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Show table view' }).click();
  return page.getByRole('table', { name: /^Nodes/ });
}

/** A table's column by its header, as numbers in row order; "<0.01" reads as 0.005. Read in one go, so a refresh cannot interleave. */
async function numberColumn(table: Locator, header: string): Promise<number[]> {
  const rows = await table.getByRole('row').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));
  const headers = rows[0] ?? [];
  // The header cell holds its label and a sort arrow.
  const column = headers.findIndex((text) => text.replace(/[▲▼↕]/g, '').trim() === header);
  expect(column, `a "${header}" column among ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((cells) => {
    const text = cells[column] ?? '';
    return text.startsWith('<') ? Number(text.slice(1)) / 2 : Number(text);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ordered = (values: number[], direction: 'desc' | 'asc') =>
  values.every((v, i) => i === 0 || (direction === 'desc' ? values[i - 1]! >= v : values[i - 1]! <= v));

test.describe('graph', () => {
  test.setTimeout(120_000);

  test('lists bookinfo and opens a node from the table view', async ({ page }) => {
    const nodes = await openBookinfo(page);
    for (const name of BOOKINFO_NODES) {
      await expect(nodes.getByRole('button', { name, exact: true })).toBeVisible();
    }
    expect(await count(page, 'data-edge-count')).toBeGreaterThan(0);

    await nodes.getByRole('button', { name: 'reviews v2', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'reviews v2' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(/Inbound\s*[<\d.]+ rps/);
    await expect(panel).toContainText('bookinfo');
    await expect(panel.getByRole('table', { name: 'Inbound traffic' })).toBeVisible();
    // Small charts of the node's inbound golden signals, drawn from the metrics API (a figure only once data came).
    const charts = panel.getByRole('region', { name: 'Inbound traffic charts' });
    await expect(charts.getByRole('figure', { name: /^Requests per second/ })).toBeVisible({ timeout: 30_000 });
    await expect(charts.locator('path.recharts-curve').first()).toBeVisible();
    await expect(page).toHaveURL(/[?&]node=/);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]node=/);
  });

  test('Find highlights matches and reports parse errors', async ({ page }) => {
    const nodes = await openBookinfo(page);
    const find = page.getByLabel('Find', { exact: true });
    await find.fill('version = v2');
    await expect(page.getByRole('status').filter({ hasText: /\d+ nodes? and \d+ edges? match/ })).toBeVisible();
    const row = (name: string) => nodes.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
    await expect(row('reviews v2').getByRole('cell', { name: 'match', exact: true })).toBeVisible();
    await expect(row('reviews v1').getByRole('cell', { name: 'match', exact: true })).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]find=version/);

    await find.fill('version =');
    await expect(page.getByRole('alert').filter({ hasText: /value/i })).toBeVisible();
    await expect(find).toHaveAttribute('aria-invalid', 'true');
  });

  test('a refresh keeps the layout', async ({ page }) => {
    await openBookinfo(page);
    const runs = await count(page, 'data-layout-runs');
    expect(runs).toBeGreaterThan(0);
    for (let i = 0; i < 2; i += 1) {
      const refreshed = page.waitForResponse((r) => r.url().includes('/api/graph?') && r.ok());
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await refreshed;
      await expect(page.getByRole('button', { name: 'Refresh now' })).toBeEnabled();
      expect(await count(page, 'data-node-count')).toBeGreaterThan(0);
      expect(await count(page, 'data-layout-runs')).toBe(runs);
    }
    await page.getByRole('button', { name: 'Re-layout' }).click();
    await expect.poll(() => count(page, 'data-layout-runs')).toBe(runs + 1);
  });

  test('the URL carries the view, so a reload restores it', async ({ page }) => {
    const nodes = await openBookinfo(page);
    await nodes.getByRole('button', { name: 'reviews v2', exact: true }).click();
    await expect(page.getByRole('complementary', { name: 'reviews v2' })).toBeVisible();
    await expect(page).toHaveURL(/namespaces=bookinfo/);
    await expect(page).toHaveURL(/graphType=versionedApp/);
    await expect(page).toHaveURL(/[?&]node=/);

    await page.reload();
    await expect.poll(() => count(page, 'data-node-count'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Namespaces: bookinfo' })).toBeVisible();
    await expect(page.getByLabel('Graph type')).toHaveValue('versionedApp');
    await expect(page.getByRole('complementary', { name: 'reviews v2' })).toBeVisible();

    await page.getByLabel('Graph type').selectOption('app');
    await expect(page).toHaveURL(/graphType=app(&|$)/);
    await page.reload();
    await expect(page.getByLabel('Graph type')).toHaveValue('app');
    await expect.poll(() => count(page, 'data-node-count'), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Show table view' }).click();
    // In the app graph the reviews service node and the reviews app node share a name; the type column tells them apart.
    const appRows = page
      .getByRole('table', { name: /^Nodes/ })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'app', exact: true }) });
    await expect(appRows.getByRole('button', { name: 'reviews', exact: true })).toBeVisible();
    await expect(appRows.getByRole('button', { name: 'reviews v2', exact: true })).toHaveCount(0);
  });

  test('sorts the edges table by rps, and the URL keeps the sort', async ({ page }) => {
    // Paused refreshes keep the rates still while the order is checked.
    await openBookinfo(page, 'namespaces=bookinfo&graphType=versionedApp&refresh=0');
    const edges = page.getByRole('table', { name: /^Edges/ });
    const rps = edges.getByRole('columnheader', { name: 'rps', exact: true });
    await expect(rps).not.toHaveAttribute('aria-sort');
    const values = await numberColumn(edges, 'rps');
    expect(values.length).toBeGreaterThan(2);
    // Distinct rates, so one order cannot pass as both descending and ascending.
    expect(new Set(values).size).toBeGreaterThan(1);

    await rps.getByRole('button').click();
    await expect(rps).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(async () => ordered(await numberColumn(edges, 'rps'), 'desc')).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('edges:rps:desc');

    await rps.getByRole('button').press('Enter');
    await expect(rps).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(async () => ordered(await numberColumn(edges, 'rps'), 'asc')).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('edges:rps:asc');

    await page.reload();
    await expect.poll(() => count(page, 'data-node-count'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(rps).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(async () => ordered(await numberColumn(edges, 'rps'), 'asc')).toBe(true);
  });

  test('the keyboard moves between nodes on the canvas and opens one', async ({ page }) => {
    await openBookinfo(page);
    const canvas = page.getByRole('application', { name: /^Traffic graph of bookinfo/ });
    await canvas.focus();
    await expect(canvas).toBeFocused();
    const announced = page.getByRole('status').filter({ hasText: /^Selected / });

    // The first arrow lands on a node; Enter opens it in the side panel.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary');
    await expect(panel).toBeVisible();
    await expect(page).toHaveURL(/[?&]node=/);
    const first = (await panel.getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(first).not.toBe('');
    await expect(announced).toHaveText(`Selected ${first}`);
    await expect(canvas).toBeFocused();

    // ] steps to a neighbour of the open node, Enter opens that one.
    await page.keyboard.press(']');
    const neighbour = page.getByRole('status').filter({ hasText: new RegExp(`, neighbour 1 of \\d+ of ${escapeRegExp(first)}$`) });
    await expect(neighbour).toHaveCount(1);
    const next = ((await neighbour.textContent()) ?? '').replace(/, neighbour .*$/, '');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('complementary', { name: next })).toBeVisible();
    await expect(announced).toHaveText(`Selected ${next}`);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]node=/);
  });
});
