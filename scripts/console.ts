import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LabEnv } from '../lab/env-file';
import { HOST, ROOT } from '../lab/paths';

const NEXT = join(ROOT, 'node_modules/next/dist/bin/next');

/** The console's environment when it runs against the lab: its upstream URLs and the admin kubeconfig. */
export function consoleEnv(lab: LabEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PROMETHEUS_URL: lab.PROMETHEUS_URL,
    JAEGER_URL: lab.JAEGER_URL,
    KUBECONFIG: lab.KUBECONFIG_ADMIN,
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Whether `.next` is older than any source it was built from. */
export function buildIsStale(): boolean {
  const buildId = join(ROOT, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'next.config.mjs', 'postcss.config.mjs', 'package-lock.json'];
  return sources.some((s) => newestMtime(join(ROOT, s)) > built);
}

/** Runs `next build`; returns whether it succeeded. Output goes to the terminal. */
export function buildConsole(): boolean {
  const out = spawnSync(process.execPath, [NEXT, 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return out.status === 0;
}

/** Starts the built console on loopback and waits for `/api/healthz`. */
export async function startConsole(env: NodeJS.ProcessEnv, port: number, logTo: 'inherit' | 'ignore' = 'inherit'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NEXT, 'start', '--hostname', HOST, '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', logTo, logTo],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}) before it was ready`);
    const ok = await fetch(`http://${HOST}:${port}/api/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`the console did not answer on port ${port} within 60s`);
}

/** Stops a console process and waits for it to go. */
export async function stopConsole(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}
