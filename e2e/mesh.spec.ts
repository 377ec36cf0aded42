import { expect, test } from '@playwright/test';

// Runs against the lab: bookinfo in namespace bookinfo (lab/scenarios/bookinfo.yaml).

const BOOKINFO = ['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1', 'ratings-v2', 'mongodb-v1'];
// The badge is an icon (aria-hidden) followed by the status word.
const STATUS_WORDS = /^\W*(Enabled|Partly enabled|Disabled|Not enabled)$/;
const STATUSES = ['enabled', 'partly', 'disabled', 'not-enabled'];

test.describe('mesh', () => {
  test('shows the mTLS status of every bookinfo workload, the mesh and the control plane', async ({ page }) => {
    await page.goto('/mesh?namespace=bookinfo');
    await expect(page.getByRole('heading', { level: 1, name: 'Mesh' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Namespaces: bookinfo' })).toBeVisible();

    const table = page.getByRole('table', { name: 'Workloads mTLS', exact: true });
    for (const name of BOOKINFO) {
      const row = table.locator(`tr[data-mtls-workload="bookinfo/${name}"]`);
      await expect(row).toBeVisible();
      expect(STATUSES).toContain(await row.getAttribute('data-status'));
      await expect(row.locator('[data-mtls-status]')).toHaveText(STATUS_WORDS);
      await expect(row.getByRole('link', { name, exact: true })).toHaveAttribute('href', `/namespaces/bookinfo/workloads/${name}`);
    }
    // Only the chosen namespace's workloads.
    await expect(table.locator('tr[data-mtls-workload]:not([data-mtls-workload^="bookinfo/"])')).toHaveCount(0);

    await expect(page.getByRole('region', { name: 'Mesh-wide mTLS' }).locator('[data-mtls-status]')).toHaveText(STATUS_WORDS);
    // The lab runs one istiod in istio-system.
    await expect(page.getByRole('region', { name: 'Control plane' }).locator('[data-istiod="istio-system/istiod"]')).toContainText(/\d+\/\d+ ready/);
    await expect(page.getByRole('table', { name: 'Namespaces mTLS', exact: true }).locator('tr[data-mtls-namespace="bookinfo"]')).toBeVisible();
  });
});
