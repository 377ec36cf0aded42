import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project's root folder (this file lives in `lab/`). */
export const ROOT = resolve(import.meta.dirname, '..');

/** What the running lab writes for tools and tests: kubeconfigs, env, logs, data (git-ignored). */
export const LAB_DIR = join(ROOT, '.lab');

export const labPaths = {
  env: join(LAB_DIR, 'env'),
  kubeconfigAdmin: join(LAB_DIR, 'kubeconfig-admin'),
  kubeconfigViewer: join(LAB_DIR, 'kubeconfig-viewer'),
  pki: join(LAB_DIR, 'pki'),
  logs: join(LAB_DIR, 'logs'),
  run: join(LAB_DIR, 'run'),
  pids: join(LAB_DIR, 'pids'),
};

/** Built binaries are cached here, outside the work tree, keyed by version. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MESHSCOPE_CACHE) return resolve(env.MESHSCOPE_CACHE);
  return join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache'), 'meshscope');
}

/** Loopback ports of the lab's parts. Fixed so URLs stay the same between runs. */
export const PORTS = {
  etcdClient: 2379,
  etcdPeer: 2380,
  kubeApi: 6443,
  prometheus: 9090,
  jaegerQuery: 16686,
  jaegerQueryGrpc: 16685,
  jaegerOtlpGrpc: 4317,
  jaegerOtlpHttp: 4318,
  jaegerHealth: 13133,
  jaegerMetrics: 8888,
  simulator: 9901,
  console: 3000,
} as const;

export const HOST = '127.0.0.1';
