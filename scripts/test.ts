// `npm test`: lint, types, unit tests, then the lab (started here when none runs), integration tests against it,
// a production build of the console and the Playwright specs. Ends with `N passed, N failed`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from '../lab/binaries';
import { runningLab, type LabEnv } from '../lab/env-file';
import { startLab, type Lab } from '../lab/lab';
import { ROOT } from '../lab/paths';
import { freePort } from '../lab/probes';
import { buildConsole, consoleEnv, startConsole, stopConsole } from './console';

interface Tally {
  step: string;
  passed: number;
  failed: number;
  note?: string;
}

const tallies: Tally[] = [];

// Tests install Istio's own CRDs when the workspace has them; the lab otherwise derives them from an npm package.
const istioCrdFile = join(ROOT, '..', 'shared', 'reference', 'istio-crds', 'crd-all.gen.yaml');
if (!process.env.ISTIO_CRDS_FILE && existsSync(istioCrdFile)) process.env.ISTIO_CRDS_FILE = istioCrdFile;
const reports = mkdtempSync(join(tmpdir(), 'meshscope-test-'));
const bin = (path: string) => join(ROOT, 'node_modules', path);

function banner(title: string): void {
  process.stdout.write(`\n=== ${title} ===\n`);
}

/**
 * Runs a step's command and resolves with its exit status. Asynchronous on purpose: a lab started by this process
 * must keep serving its event loop meanwhile (it restarts Prometheus after the outage spec kills it).
 */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** A step that is one check: it passes or fails as a whole. */
async function check(step: string, args: string[]): Promise<void> {
  banner(step);
  const ok = (await run(args)) === 0;
  tallies.push({ step, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

async function vitest(project: 'unit' | 'integration', env?: NodeJS.ProcessEnv): Promise<void> {
  banner(`${project} tests`);
  const out = join(reports, `${project}.json`);
  const status = await run([bin('vitest/vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    // A suite that fails to load counts as a failure even though it ran no test.
    const failed = r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
    tallies.push({ step: `${project} tests`, passed: r.numPassedTests, failed });
  } catch {
    tallies.push({ step: `${project} tests`, passed: 0, failed: 1, note: 'no report' });
  }
}

async function playwright(step: string, env: NodeJS.ProcessEnv, specs: string[] = []): Promise<void> {
  banner(step);
  const out = join(reports, `${step.replace(/\W+/g, '-')}.json`);
  const status = await run([bin('@playwright/test/cli.js'), 'test', '--reporter=list,json', ...specs], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  try {
    const r = JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
    const failed = r.stats.unexpected + r.stats.flaky + (status !== 0 && r.stats.unexpected === 0 ? 1 : 0);
    tallies.push({ step, passed: r.stats.expected, failed });
  } catch {
    tallies.push({ step, passed: 0, failed: 1, note: 'no report' });
  }
}

async function withLab(body: (env: LabEnv) => Promise<void>): Promise<void> {
  let lab: Lab | undefined;
  let env = runningLab();
  banner('lab');
  try {
    if (env) process.stdout.write(`using the running lab (pid ${env.LAB_PID})\n`);
    else {
      lab = await startLab();
      env = lab.env;
    }
    tallies.push({ step: 'lab start', passed: 1, failed: 0 });
  } catch (err) {
    process.stdout.write(`${err instanceof Error ? err.message : String(err)}\n`);
    tallies.push({ step: 'lab start', passed: 0, failed: 1 });
    return;
  }
  try {
    await body(env);
  } finally {
    await lab?.stop();
  }
}

await check('lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings=0']);
await check('typecheck', [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']);
await vitest('unit');

await withLab(async (lab) => {
  await vitest('integration', { ...consoleEnv(lab), ...lab });
  banner('console build');
  const built = buildConsole();
  tallies.push({ step: 'console build', passed: built ? 1 : 0, failed: built ? 0 : 1 });
  if (!built) return;
  ensureDebianPackages([{ command: 'chromium', pkg: 'chromium' }]);
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}`;
  const server = await startConsole(consoleEnv(lab), port, 'ignore');
  try {
    // The lab's settings too: a spec may seed the objects it checks (the config browser's broken VirtualService).
    await playwright('end-to-end tests', { ...process.env, ...lab, CONSOLE_URL: consoleUrl });
    // Last on this console, as it kills the lab's Prometheus (the lab starts it again) and skips itself above.
    await playwright('end-to-end tests, Prometheus outage', { ...process.env, ...lab, CONSOLE_URL: consoleUrl, CONSOLE_OUTAGE: 'kill-prometheus' }, ['e2e/outage.spec.ts']);
  } finally {
    await stopConsole(server);
  }
  // The same build once more with the token strategy, for the sign-in specs (they skip themselves above).
  const tokenPort = await freePort();
  // Its /metrics sits behind a scrape token too, as deploy/README.md suggests for a cluster.
  const metricsToken = randomBytes(24).toString('hex');
  const tokenEnv = { ...consoleEnv(lab), MESHSCOPE_AUTH_STRATEGY: 'token', MESHSCOPE_SESSION_SECRET: randomBytes(32).toString('base64'), MESHSCOPE_METRICS_TOKEN: metricsToken };
  const tokenServer = await startConsole(tokenEnv, tokenPort, 'ignore');
  try {
    const specEnv = { ...process.env, ...lab, CONSOLE_URL: `http://127.0.0.1:${tokenPort}`, CONSOLE_AUTH: 'token', CONSOLE_METRICS_TOKEN: metricsToken };
    await playwright('end-to-end tests, token sign-in', specEnv, ['e2e/auth.spec.ts']);
  } finally {
    await stopConsole(tokenServer);
  }
});

banner('summary');
for (const t of tallies) process.stdout.write(`- ${t.step}: passed ${t.passed}, failed ${t.failed}${t.note ? ` (${t.note})` : ''}\n`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
