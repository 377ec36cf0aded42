import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { isDns1123Label } from '../mesh/names';
import { parseHealthConfig, type HealthRule } from '../mesh/inventory/thresholds';

/** How to reach one upstream, or why it cannot be reached. */
export type Setting<T> = { configured: true; value: T } | { configured: false; reason: string };

export interface PrometheusSettings {
  url: string;
  bearerToken?: string;
  basicAuth?: { username: string; password: string };
}

export interface JaegerSettings {
  url: string;
}

export type KubernetesSettings =
  | { source: 'kubeconfig'; path: string; context?: string }
  | { source: 'in-cluster' };

export interface AppConfig {
  prometheus: Setting<PrometheusSettings>;
  jaeger: Setting<JaegerSettings>;
  kubernetes: Setting<KubernetesSettings>;
  /** Per-call timeout toward any upstream. */
  upstreamTimeoutMs: number;
  /**
   * Health-threshold rules from the file MESHSCOPE_HEALTH_CONFIG names (none when unset). A broken file leaves
   * the setting unconfigured, so health answers with the problem instead of quietly judging by other thresholds.
   */
  healthRules: Setting<HealthRule[]>;
  /** Istio's root namespace (meshConfig.rootNamespace): where mesh-wide policies live. */
  istioRootNamespace: string;
  /** Every configuration problem, each naming its variable; logged once at start. */
  problems: string[];
}

type Env = Record<string, string | undefined>;

const httpUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

const timeoutMs = z.coerce.number().int().min(100).max(300_000);

function blank(v: string | undefined): v is undefined {
  return v === undefined || v.trim() === '';
}

function urlSetting(env: Env, name: string): Setting<string> {
  const raw = env[name];
  if (blank(raw)) return { configured: false, reason: `${name} is not set` };
  const parsed = httpUrl.safeParse(raw);
  if (!parsed.success) return { configured: false, reason: `${name}: ${parsed.error.issues[0]?.message}` };
  return { configured: true, value: parsed.data };
}

function prometheusSetting(env: Env): Setting<PrometheusSettings> {
  const url = urlSetting(env, 'PROMETHEUS_URL');
  if (!url.configured) return url;
  const value: PrometheusSettings = { url: url.value };
  if (!blank(env.PROMETHEUS_BEARER_TOKEN)) value.bearerToken = env.PROMETHEUS_BEARER_TOKEN.trim();
  const user = env.PROMETHEUS_USERNAME;
  const password = env.PROMETHEUS_PASSWORD;
  if (blank(user) !== blank(password)) {
    return { configured: false, reason: 'PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD must be set together' };
  }
  if (!blank(user) && !blank(password)) {
    if (value.bearerToken) {
      return { configured: false, reason: 'PROMETHEUS_BEARER_TOKEN and PROMETHEUS_USERNAME are exclusive' };
    }
    value.basicAuth = { username: user, password };
  }
  return { configured: true, value };
}

function kubernetesSetting(env: Env, fileExists: (path: string) => boolean): Setting<KubernetesSettings> {
  const path = env.KUBECONFIG;
  if (!blank(path)) {
    const file = path.trim();
    if (!fileExists(file)) return { configured: false, reason: `KUBECONFIG: no file at ${file}` };
    const context = blank(env.KUBE_CONTEXT) ? undefined : env.KUBE_CONTEXT.trim();
    return { configured: true, value: { source: 'kubeconfig', path: file, ...(context ? { context } : {}) } };
  }
  if (!blank(env.KUBERNETES_SERVICE_HOST)) return { configured: true, value: { source: 'in-cluster' } };
  return { configured: false, reason: 'KUBECONFIG is not set and the console is not running in a cluster' };
}

function healthRulesSetting(env: Env, fileExists: (path: string) => boolean, readFile: (path: string) => string): Setting<HealthRule[]> {
  const raw = env.MESHSCOPE_HEALTH_CONFIG;
  if (blank(raw)) return { configured: true, value: [] };
  const path = raw.trim();
  if (!fileExists(path)) return { configured: false, reason: `MESHSCOPE_HEALTH_CONFIG: no file at ${path}` };
  let text: string;
  try {
    text = readFile(path);
  } catch (err) {
    return { configured: false, reason: `MESHSCOPE_HEALTH_CONFIG: cannot read ${path} (${err instanceof Error ? err.message : String(err)})` };
  }
  const parsed = parseHealthConfig(text);
  return parsed.ok ? { configured: true, value: parsed.rules } : { configured: false, reason: `MESHSCOPE_HEALTH_CONFIG: ${path}: ${parsed.error}` };
}

const readUtf8 = (path: string) => readFileSync(path, 'utf8');

/** Reads and validates the console's configuration from an environment (pure apart from the file reads). */
export function readConfig(env: Env, fileExists: (path: string) => boolean = existsSync, readFile: (path: string) => string = readUtf8): AppConfig {
  const problems: string[] = [];
  let upstreamTimeoutMs = 10_000;
  if (!blank(env.MESHSCOPE_UPSTREAM_TIMEOUT_MS)) {
    const parsed = timeoutMs.safeParse(env.MESHSCOPE_UPSTREAM_TIMEOUT_MS);
    if (parsed.success) upstreamTimeoutMs = parsed.data;
    else problems.push('MESHSCOPE_UPSTREAM_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 300000');
  }
  let istioRootNamespace = 'istio-system';
  if (!blank(env.MESHSCOPE_ISTIO_ROOT_NAMESPACE)) {
    const ns = env.MESHSCOPE_ISTIO_ROOT_NAMESPACE.trim();
    if (isDns1123Label(ns)) istioRootNamespace = ns;
    else problems.push('MESHSCOPE_ISTIO_ROOT_NAMESPACE: must be a namespace name (DNS-1123 label)');
  }
  const jaegerUrl = urlSetting(env, 'JAEGER_URL');
  const config: AppConfig = {
    prometheus: prometheusSetting(env),
    jaeger: jaegerUrl.configured ? { configured: true, value: { url: jaegerUrl.value } } : jaegerUrl,
    kubernetes: kubernetesSetting(env, fileExists),
    upstreamTimeoutMs,
    healthRules: healthRulesSetting(env, fileExists, readFile),
    istioRootNamespace,
    problems,
  };
  for (const setting of [config.prometheus, config.jaeger, config.kubernetes, config.healthRules]) {
    if (!setting.configured) problems.push(setting.reason);
  }
  return config;
}

let cached: AppConfig | undefined;

/** The process's configuration, read from `process.env` once. */
export function appConfig(): AppConfig {
  cached ??= readConfig(process.env);
  return cached;
}
