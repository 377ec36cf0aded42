import { expect, test } from '@playwright/test';
import { brokenVirtualService, CHECKS_NAMESPACE, checksNamespace, ghostRule } from '../lab/testing/broken-config';
import { applyObjects } from '../lab/testing/lab-clients';

// A VirtualService seeded with known problems, in a namespace no traffic goes through.
test.beforeAll(async () => {
  await applyObjects(checksNamespace);
  await applyObjects([brokenVirtualService, ghostRule]);
});

test.describe('Istio config', () => {
  test('lists a seeded broken VirtualService with its finding, and shows it with its YAML', async ({ page }) => {
    await page.goto(`/config?namespace=${CHECKS_NAMESPACE}`);
    const row = page.locator(`[data-config-row="VirtualService/${CHECKS_NAMESPACE}/broken-routes"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(/error/i);
    await expect(page.locator(`[data-config-row="DestinationRule/${CHECKS_NAMESPACE}/ghost"]`)).toBeVisible();

    await row.getByRole('link', { name: 'broken-routes' }).click();
    await expect(page).toHaveURL(new RegExp(`/config/${CHECKS_NAMESPACE}/VirtualService/broken-routes`));
    await expect(page.getByText('vs.subset-not-found')).toBeVisible();
    await expect(page.getByText('spec.http[0].route[1].destination.subset').first()).toBeVisible();
    await expect(page.getByText('name: broken-routes').first()).toBeVisible();
  });
});

test.describe('editing an Istio object', () => {
  test('checks an edit with a dry run, shows the diff, then applies it', async ({ page }) => {
    // Start from the seeded rule, whatever an earlier run left.
    await applyObjects([ghostRule]);
    await page.goto(`/config/${CHECKS_NAMESPACE}/DestinationRule/ghost`);
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    const editor = page.getByRole('textbox', { name: /YAML of DestinationRule/ });
    const text = await editor.inputValue();
    await editor.fill(text.replace('subsets:\n', 'subsets:\n    - name: canary\n      labels:\n        version: canary\n'));
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await expect(page.getByText('The API server accepts this change. Nothing has been written yet.')).toBeVisible();
    await expect(page.locator('[data-op="add"]').filter({ hasText: 'name: canary' })).toBeVisible();

    await page.getByRole('button', { name: 'Apply' }).click();
    // The editor closes once the change is written, and the object's YAML as stored shows the new subset.
    await expect(page.getByRole('button', { name: 'Edit YAML' })).toBeVisible();
    await expect(page.locator('pre[aria-label="YAML"]').getByText('name: canary')).toBeVisible();
  });
});
