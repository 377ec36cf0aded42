import { resolve } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { KubernetesObject } from '@kubernetes/client-node';
import { applyObjects, readObjects } from '../lab/testing/lab-clients';
import { ROOT } from '../lab/paths';

// THIS SPEC CHANGES MESH CONFIG: it routes reviews in bookinfo with its own VirtualService and DestinationRule, shifts
// the traffic through the console, and deletes both objects at the end. It sorts last among the specs, after those
// that read bookinfo's traffic as it normally flows.
//
// The closed loop: a weight change made in the traffic-management tab must show up in Prometheus' data (read back
// through the graph API), not only in the stored config.

const NETWORKING = resolve(ROOT, '../shared/reference/istio-samples/bookinfo/networking');

/** The sample's object of that kind named reviews, placed in bookinfo. */
function reviewsObject(file: string, kind: string): KubernetesObject {
  const found = readObjects(resolve(NETWORKING, file), 'bookinfo').find((o) => o.kind === kind && o.metadata?.name === 'reviews');
  if (!found) throw new Error(`no ${kind} reviews in ${file}`);
  return found;
}

interface GraphBody {
  nodes: { id: string; nodeType: string; app?: string; version?: string; service?: string }[];
  edges: { source: string; target: string; rps: number }[];
}

/**
 * Requests per second productpage sends to each version of reviews over the last minute, from the graph API (that
 * is, from Prometheus). With service nodes drawn, the calls reach the versions through the reviews service node,
 * which only productpage calls.
 */
async function reviewsRpsByVersion(request: APIRequestContext): Promise<Record<string, number>> {
  const res = await request.get('/api/graph?namespaces=bookinfo&graphType=versionedApp&duration=1m');
  expect(res.ok(), `graph API answered ${res.status()}`).toBe(true);
  const graph = (await res.json()) as GraphBody;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: Record<string, number> = {};
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (target?.app !== 'reviews' || target.version === undefined) continue;
    if (source?.app !== 'productpage' && !(source?.nodeType === 'service' && source.service === 'reviews')) continue;
    out[target.version] = (out[target.version] ?? 0) + e.rps;
  }
  return out;
}

/** Each version's share of productpage → reviews traffic (0 for a version without traffic). */
function shares(rps: Record<string, number>): { v1: number; v2: number; v3: number; total: number } {
  const total = Object.values(rps).reduce((a, b) => a + b, 0);
  const share = (v: string) => (total > 0 ? (rps[v] ?? 0) / total : 0);
  return { v1: share('v1'), v2: share('v2'), v3: share('v3'), total };
}

let cleanup: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  // Route reviews to v1 only: the sample's subsets v1–v3 and its all-v1 VirtualService.
  cleanup = await applyObjects([reviewsObject('destination-rule-all.yaml', 'DestinationRule'), reviewsObject('virtual-service-all-v1.yaml', 'VirtualService')]);
});

test.afterAll(async () => {
  // Deleting by name also removes what the console wrote over them. Recorded changes may stay.
  await cleanup?.();
});

test('shifting reviews from v1 to v2 and v3 in the console moves the measured traffic', async ({ page }) => {
  // Up to 90 s for the v1-only routing to fill the graph's 1-minute window, 90 s for the shifted one, and the UI.
  test.setTimeout(300_000);

  await test.step('the graph shows reviews routed to v1', async () => {
    await expect
      .poll(
        async () => {
          const rps = await reviewsRpsByVersion(page.request);
          return (rps.v1 ?? 0) > 0 && (rps.v2 ?? 0) < 0.2 * (rps.v1 ?? 0) ? 'v1 only' : JSON.stringify(rps);
        },
        { timeout: 90_000, intervals: [5_000] },
      )
      .toBe('v1 only');
  });

  await test.step('shift 50/50 to v2 and v3 through preview and apply', async () => {
    await page.goto('/namespaces/bookinfo/services/reviews?tab=manage&section=shifting');
    await expect(page.getByRole('tab', { name: 'Traffic management' })).toHaveAttribute('aria-selected', 'true');
    const form = page.getByRole('form', { name: 'Traffic shifting' });
    const weight = (v: string) => form.getByRole('spinbutton', { name: `Weight of ${v} in %` });
    // The form reads the live VirtualService: one route to v1, which takes all traffic.
    await expect(weight('v1')).toHaveValue('100', { timeout: 30_000 });

    await weight('v1').fill('0');
    await weight('v2').fill('50');
    await weight('v3').fill('50');
    await expect(form.getByText('Total: 100%')).toBeVisible();

    await form.getByRole('button', { name: 'Preview changes' }).click();
    const preview = form.getByRole('region', { name: 'Preview of the changes' });
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(form.getByText('The API server accepts this change')).toBeVisible();
    await expect(preview.getByRole('group', { name: 'Changes to VirtualService reviews' })).toContainText('weight: 50');

    await form.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible({ timeout: 30_000 });
    // The form now reads the settings as written.
    await expect(weight('v1')).toHaveValue('0');
    await expect(weight('v2')).toHaveValue('50');
    await expect(weight('v3')).toHaveValue('50');
  });

  await test.step('Prometheus sees reviews v2 and v3 each take about half, v1 next to nothing', async () => {
    // The graph's shortest window is 1 minute (lib/mesh/graph/params.ts MIN_DURATION), so the shares settle once a
    // minute of data after the change has been scraped.
    await expect
      .poll(
        async () => {
          const s = shares(await reviewsRpsByVersion(page.request));
          const settled = s.total > 0 && s.v1 < 0.1 && s.v2 >= 0.35 && s.v2 <= 0.65 && s.v3 >= 0.35 && s.v3 <= 0.65;
          return settled ? 'about half each on v2 and v3' : JSON.stringify(s);
        },
        { timeout: 90_000, intervals: [5_000] },
      )
      .toBe('about half each on v2 and v3');
  });
});
