import { expect, test } from '@playwright/test';
import { checksNamespace, ghostRule } from '../lab/testing/broken-config';
import { applyObjects } from '../lab/testing/lab-clients';

// Runs only against a console started with MESHSCOPE_AUTH_STRATEGY=token (scripts/test.ts sets CONSOLE_AUTH=token
// for that one); the lab's viewer token signs in.
test.skip(process.env.CONSOLE_AUTH !== 'token', 'the console under test does not use the token strategy');

const viewerToken = () => {
  const token = process.env.KUBE_VIEWER_TOKEN;
  if (!token) throw new Error('KUBE_VIEWER_TOKEN is not set (load .lab/env)');
  return token;
};

test('a page sends the signed-out visitor to /login and back after signing in; logout ends the session', async ({ page }) => {
  await page.goto('/graph?namespaces=bookinfo');
  await expect(page).toHaveURL(/\/login\?next=%2Fgraph%3Fnamespaces%3Dbookinfo$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // Signed out, the section links would all lead back here: the login page shows none.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await page.getByLabel('Token').fill('not-a-real-token-0123456789');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'rejected this token' })).toBeVisible();

  await page.getByLabel('Token').fill(viewerToken());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/graph\?namespaces=bookinfo$/);
  const menu = page.locator('[data-user-menu]');
  await expect(menu).toContainText('meshscope-viewer');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await menu.getByRole('button', { name: 'Logout' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('[data-user-menu]')).toHaveCount(0);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('the session cookie is httpOnly and strict, and a write without the CSRF header is refused', async ({ page, context, request }) => {
  await page.goto('/login');
  await page.getByLabel('Token').fill(viewerToken());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'meshscope_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookies.find((c) => c.name === 'meshscope_csrf')).toMatchObject({ httpOnly: false, sameSite: 'Strict' });

  const refused = await request.post('/api/auth/logout');
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/^missing or wrong CSRF token/);
});

test('the viewer sees an Istio object without the Edit control; the admin gets it', async ({ page }) => {
  const signIn = async (token: string) => {
    await page.goto('/login');
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
  };
  const objectPage = '/config/meshscope-checks/DestinationRule/ghost';
  await applyObjects(checksNamespace);
  await applyObjects([ghostRule]);

  await signIn(viewerToken());
  await page.goto(objectPage);
  await expect(page.getByRole('region', { name: 'YAML' }).getByText('name: ghost').first()).toBeVisible();
  // The permission answer has arrived once the page has settled; the viewer's is no.
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('button', { name: 'Edit YAML' })).toHaveCount(0);
  await page.locator('[data-user-menu]').getByRole('button', { name: 'Logout' }).click();

  const admin = process.env.KUBE_ADMIN_TOKEN;
  if (!admin) throw new Error('KUBE_ADMIN_TOKEN is not set (load .lab/env)');
  await signIn(admin);
  await page.goto(objectPage);
  await expect(page.getByRole('button', { name: 'Edit YAML' })).toBeVisible();
});

test('a page whose session ends while it is open goes to the login page, and back after signing in', async ({ page, context }) => {
  await page.goto('/login');
  await page.getByLabel('Token').fill(viewerToken());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/graph?namespaces=bookinfo&refresh=10');
  await expect(page.getByRole('heading', { level: 1, name: 'Graph' })).toBeVisible();

  // As when the cookie expires or another tab signs out: the next refresh is a 401.
  await context.clearCookies({ name: 'meshscope_session' });
  await expect(page).toHaveURL(/\/login\?next=%2Fgraph%3Fnamespaces%3Dbookinfo%26refresh%3D10&reason=session-ended$/, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Your session has ended' })).toBeVisible();

  await page.getByLabel('Token').fill(viewerToken());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/graph\?namespaces=bookinfo&refresh=10$/);
});

test('/metrics answers a scraper that shows the metrics token, refuses one that does not, and sends neither to /login', async ({ request }) => {
  const token = process.env.CONSOLE_METRICS_TOKEN;
  if (!token) throw new Error('CONSOLE_METRICS_TOKEN is not set (scripts/test.ts sets it with MESHSCOPE_METRICS_TOKEN)');
  const refused = await request.get('/metrics', { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toBe('Bearer realm="meshscope-metrics"');
  expect(await refused.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/Authorization: Bearer header/) } });

  const wrong = await request.get('/metrics', { headers: { Authorization: `Bearer ${token.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}` }, maxRedirects: 0 });
  expect(wrong.status()).toBe(401);

  const scraped = await request.get('/metrics', { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(scraped.status()).toBe(200);
  expect(scraped.headers()['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(await scraped.text()).toContain('# TYPE meshscope_http_request_duration_seconds histogram');
});
