import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PROMETHEUS_RESTART_DELAY_MS } from '../lab/lab';
import { labPaths } from '../lab/paths';

// Kills the lab's Prometheus, so npm test runs it on its own after the other specs (CONSOLE_OUTAGE=kill-prometheus).
// The lab starts Prometheus again PROMETHEUS_RESTART_DELAY_MS after it dies, as a kubelet would; nobody reloads
// the page or restarts the console.
test.skip(process.env.CONSOLE_OUTAGE !== 'kill-prometheus', 'kills Prometheus: npm test runs it alone, after the other specs');

const prometheusReady = async () => {
  try {
    return (await fetch(`${process.env.PROMETHEUS_URL}/-/ready`)).ok;
  } catch {
    return false;
  }
};

test('the graph page shows Prometheus failing, then recovers by itself once Prometheus is back', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/graph?namespaces=bookinfo&graphType=versionedApp&refresh=10');
  const graph = page.getByTestId('graph');
  await expect.poll(async () => Number(await graph.getAttribute('data-node-count')), { timeout: 60_000 }).toBeGreaterThan(0);

  const pid = Number(readFileSync(join(labPaths.pids, 'prometheus.pid'), 'utf8'));
  process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();

  // The next refreshes fail: the panel names the upstream and keeps the last graph; the banner says the console stopped
  // calling Prometheus for a while.
  const failure = page.getByRole('alert').filter({ hasText: 'Could not load the graph' });
  await expect(failure).toBeVisible({ timeout: 45_000 });
  await expect(failure).toContainText('prometheus');
  await expect(failure).toContainText('Showing the last graph that loaded');
  expect(Number(await graph.getAttribute('data-node-count'))).toBeGreaterThan(0);
  await expect(page.getByTestId('breaker-banner')).toContainText(/prometheus/i, { timeout: 30_000 });

  await expect.poll(prometheusReady, { timeout: PROMETHEUS_RESTART_DELAY_MS + 60_000 }).toBe(true);
  const backAt = Date.now();

  // Without a reload: the breaker's probe finds Prometheus, the next refresh loads, the error and the banner leave.
  await expect(failure).toBeHidden({ timeout: 90_000 });
  await expect(page.getByTestId('breaker-banner')).toBeHidden({ timeout: 30_000 });
  expect(Number(await graph.getAttribute('data-node-count'))).toBeGreaterThan(0);
  console.log(
    `Prometheus back ${Math.round((backAt - killedAt) / 1000)} s after the kill; page recovered ${Math.round((Date.now() - backAt) / 1000)} s after that`,
  );
});
