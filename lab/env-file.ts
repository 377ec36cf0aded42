import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { labPaths } from './paths';

/** What `.lab/env` holds: the URL of each part, the kubeconfigs, and the lab's pid. */
export interface LabEnv {
  KUBE_API_URL: string;
  KUBECONFIG_ADMIN: string;
  KUBECONFIG_VIEWER: string;
  KUBE_ADMIN_TOKEN: string;
  KUBE_VIEWER_TOKEN: string;
  ETCD_URL: string;
  PROMETHEUS_URL: string;
  JAEGER_URL: string;
  JAEGER_OTLP_HTTP_URL: string;
  JAEGER_OTLP_GRPC_ADDRESS: string;
  SIMULATOR_URL: string;
  CONSOLE_URL: string;
  LAB_PID: string;
}

/** Writes `.lab/env` as shell assignments (`KEY='value'`), so `. .lab/env` works too. */
export function writeLabEnv(env: LabEnv, path = labPaths.env): void {
  const lines = Object.entries(env).map(([k, v]) => `${k}='${String(v).replaceAll("'", "'\\''")}'`);
  writeFileSync(path, `# Written by the Meshscope lab while it runs; removed when it stops.\n${lines.join('\n')}\n`, { mode: 0o600 });
}

/** Parses `.lab/env`, or undefined when there is none. */
export function readLabEnv(path = labPaths.env): LabEnv | undefined {
  if (!existsSync(path)) return undefined;
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)='(.*)'$/.exec(line);
    if (m?.[1] && m[2] !== undefined) env[m[1]] = m[2].replaceAll("'\\''", "'");
  }
  return env as unknown as LabEnv;
}

/** The running lab's env, or undefined when no lab process is alive. */
export function runningLab(): LabEnv | undefined {
  const env = readLabEnv();
  if (!env) return undefined;
  try {
    process.kill(Number(env.LAB_PID), 0);
    return env;
  } catch {
    return undefined;
  }
}

/** Removes `.lab/env` (the lab is stopping). */
export function removeLabEnv(): void {
  rmSync(labPaths.env, { force: true });
}
