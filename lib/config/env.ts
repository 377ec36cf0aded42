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

/** Who the console acts as toward Kubernetes (see lib/auth/identity.ts). */
export type AuthSettings =
  | { strategy: 'anonymous'; readOnly: boolean }
  | { strategy: 'token'; sessionSecret: string; readOnly: false }
  | { strategy: 'header'; header: string; readOnly: false };

export type AuthStrategy = AuthSettings['strategy'];

export interface AppConfig {
  /**
   * How users are identified. A broken setting leaves it unconfigured and every API call answers 503 with the
   * reason: falling back to `anonymous` would hand the console's own credentials to everyone.
   */
  auth: Setting<AuthSettings>;
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
  /** Where traffic changes are recorded as ConfigMaps (the console's own namespace unless set). */
  historyNamespace: string;
  /**
   * The bearer token a scraper must present for `/metrics`; null leaves it open. A broken value leaves the setting
   * unconfigured and `/metrics` refused, rather than quietly open.
   */
  metricsToken: Setting<string | null>;
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

// RFC 9110 token characters: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MIN_SECRET_LENGTH = 32;

function authSetting(env: Env): Setting<AuthSettings> {
  const strategy = blank(env.MESHSCOPE_AUTH_STRATEGY) ? 'anonymous' : env.MESHSCOPE_AUTH_STRATEGY.trim().toLowerCase();
  const rawReadOnly = blank(env.MESHSCOPE_READ_ONLY) ? 'false' : env.MESHSCOPE_READ_ONLY.trim().toLowerCase();
  if (rawReadOnly !== 'true' && rawReadOnly !== 'false') return { configured: false, reason: 'MESHSCOPE_READ_ONLY: must be true or false' };
  const readOnly = rawReadOnly === 'true';
  if (readOnly && strategy !== 'anonymous') {
    return {
      configured: false,
      reason: 'MESHSCOPE_READ_ONLY: applies only to MESHSCOPE_AUTH_STRATEGY=anonymous; with token or header the API server’s RBAC decides what each user may change',
    };
  }
  switch (strategy) {
    case 'anonymous':
      return { configured: true, value: { strategy, readOnly } };
    case 'token': {
      const secret = env.MESHSCOPE_SESSION_SECRET ?? '';
      if (secret.trim().length < MIN_SECRET_LENGTH) {
        return {
          configured: false,
          reason: `MESHSCOPE_SESSION_SECRET: the token strategy needs a secret of at least ${MIN_SECRET_LENGTH} characters to seal session cookies (e.g. \`openssl rand -base64 32\`); it is ${blank(env.MESHSCOPE_SESSION_SECRET) ? 'not set' : 'too short'}`,
        };
      }
      return { configured: true, value: { strategy, sessionSecret: secret, readOnly: false } };
    }
    case 'header': {
      const header = blank(env.MESHSCOPE_AUTH_HEADER) ? 'X-Forwarded-Access-Token' : env.MESHSCOPE_AUTH_HEADER.trim();
      if (!HEADER_NAME.test(header)) return { configured: false, reason: `MESHSCOPE_AUTH_HEADER: "${header}" is not an HTTP header name` };
      return { configured: true, value: { strategy, header, readOnly: false } };
    }
    default:
      return { configured: false, reason: `MESHSCOPE_AUTH_STRATEGY: must be anonymous, token or header, not "${strategy}"` };
  }
}

const readUtf8 = (path: string) => readFileSync(path, 'utf8');

/**
 * What a bearer token may contain: visible ASCII only. A token goes into an Authorization header, so whitespace or
 * control characters would be either a mistake or an attempt to smuggle a header.
 */
export const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/** The shortest MESHSCOPE_METRICS_TOKEN taken: a guessable token guards nothing. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

function metricsTokenSetting(env: Env): Setting<string | null> {
  const raw = env.MESHSCOPE_METRICS_TOKEN;
  if (blank(raw)) return { configured: true, value: null };
  const token = raw.trim();
  if (token.length >= MIN_METRICS_TOKEN_LENGTH && TOKEN_CHARS.test(token)) return { configured: true, value: token };
  return {
    configured: false,
    reason: `MESHSCOPE_METRICS_TOKEN: must be at least ${MIN_METRICS_TOKEN_LENGTH} printable characters without spaces (e.g. \`openssl rand -hex 24\`)`,
  };
}

/** Reads and validates the console's configuration from an environment (pure apart from the file reads). */
export function readConfig(env: Env, fileExists: (path: string) => boolean = existsSync, readFile: (path: string) => string = readUtf8): AppConfig {
  const problems: string[] = [];
  let upstreamTimeoutMs = 10_000;
  if (!blank(env.MESHSCOPE_UPSTREAM_TIMEOUT_MS)) {
    const parsed = timeoutMs.safeParse(env.MESHSCOPE_UPSTREAM_TIMEOUT_MS);
    if (parsed.success) upstreamTimeoutMs = parsed.data;
    else problems.push('MESHSCOPE_UPSTREAM_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 300000');
  }
  const namespaceSetting = (name: string, fallback: string): string => {
    const raw = env[name];
    if (blank(raw)) return fallback;
    if (isDns1123Label(raw.trim())) return raw.trim();
    problems.push(`${name}: must be a namespace name (DNS-1123 label)`);
    return fallback;
  };
  const istioRootNamespace = namespaceSetting('MESHSCOPE_ISTIO_ROOT_NAMESPACE', 'istio-system');
  const historyNamespace = namespaceSetting('MESHSCOPE_HISTORY_NAMESPACE', 'meshscope');
  const jaegerUrl = urlSetting(env, 'JAEGER_URL');
  const config: AppConfig = {
    auth: authSetting(env),
    prometheus: prometheusSetting(env),
    jaeger: jaegerUrl.configured ? { configured: true, value: { url: jaegerUrl.value } } : jaegerUrl,
    kubernetes: kubernetesSetting(env, fileExists),
    upstreamTimeoutMs,
    healthRules: healthRulesSetting(env, fileExists, readFile),
    istioRootNamespace,
    historyNamespace,
    metricsToken: metricsTokenSetting(env),
    problems,
  };
  for (const setting of [config.auth, config.prometheus, config.jaeger, config.kubernetes, config.healthRules, config.metricsToken]) {
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

/** Whether this is `next dev` (which needs `eval` for its tooling); inlined by Next at build time. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}
