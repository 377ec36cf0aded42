import { expect, test } from '@playwright/test';

const SECTIONS = ['Overview', 'Graph', 'Applications', 'Workloads', 'Services', 'Traces', 'Istio Config', 'Mesh'];

test('the shell shows all three upstreams connected', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  for (const upstream of ['kubernetes', 'prometheus', 'jaeger']) {
    const card = page.getByTestId(`upstream-${upstream}`);
    await expect(card).toHaveAttribute('data-state', 'connected');
    await expect(card).toContainText('Connected');
    await expect(card).toContainText(/Version \S+/);
  }
  await expect(page.getByRole('link', { name: 'Upstream status' })).toContainText('Kubernetes');
});

test('navigation reaches every section and marks the current one', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of SECTIONS) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('the dark theme is applied and remembered across reloads', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});
