import 'server-only';
import {
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  VersionApi,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';
import { currentIdentity } from '../auth/context';
import { appConfig, type KubernetesSettings } from '../config/env';
import { AppError, UpstreamError } from '../errors';
import { answerBody, answerMessage, callUpstream } from '../upstream-call';

export interface NamespaceSummary {
  name: string;
  labels: Record<string, string>;
  istioInjection: 'enabled' | 'disabled' | 'unset';
}

let cachedConfig: KubeConfig | undefined;

/** Builds a KubeConfig from the validated settings (kubeconfig file and context, or in-cluster). */
export function loadKubeConfig(settings: KubernetesSettings): KubeConfig {
  const kc = new KubeConfig();
  if (settings.source === 'in-cluster') {
    kc.loadFromCluster();
  } else {
    kc.loadFromFile(settings.path);
    if (settings.context) kc.setCurrentContext(settings.context);
  }
  return kc;
}

function kubeConfig(): KubeConfig {
  const setting = appConfig().kubernetes;
  if (!setting.configured) throw new UpstreamError('kubernetes', 'not_configured', setting.reason);
  cachedConfig ??= loadKubeConfig(setting.value);
  return cachedConfig;
}

// Per-user configs are cheap to build, but each request would rebuild one; a short cache keeps the hot path flat
// while a revoked token stops being used within a minute (the API server still checks it on every call).
const USER_CONFIG_TTL_MS = 60_000;
const USER_CONFIG_LIMIT = 200;
const userConfigs = new Map<string, { kc: KubeConfig; until: number }>();

/** The console's cluster (server, CA, TLS settings) with a user that holds only `token`. */
function userKubeConfig(token: string, now = Date.now()): KubeConfig {
  const hit = userConfigs.get(token);
  if (hit && hit.until > now) return hit.kc;
  const cluster = kubeConfig().getCurrentCluster();
  if (!cluster) throw new UpstreamError('kubernetes', 'not_configured', 'the kubeconfig has no current cluster');
  const kc = new KubeConfig();
  kc.loadFromClusterAndUser(cluster, { name: 'meshscope-user', token });
  userConfigs.delete(token);
  if (userConfigs.size >= USER_CONFIG_LIMIT) userConfigs.delete(userConfigs.keys().next().value as string);
  userConfigs.set(token, { kc, until: now + USER_CONFIG_TTL_MS });
  return kc;
}

/** A user's 401/403 is theirs to see (sign in again, ask for a role), not an upstream outage. */
function userDenial(err: unknown): AppError | undefined {
  const status = statusOf(err);
  if (status === 401) return new AppError('unauthorized', 'kubernetes: the API server did not accept the token (expired or revoked?): sign in again');
  if (status === 403) return new AppError('forbidden', `kubernetes: ${answerMessage(err) ?? 'the API server refused this request for the signed-in user'}`);
  return undefined;
}

function timeoutOption(ms: number) {
  const middleware: ObservableMiddleware = {
    pre: (ctx: RequestContext) => {
      ctx.setSignal(AbortSignal.timeout(ms));
      return new Observable(Promise.resolve(ctx));
    },
    post: (res: ResponseContext) => new Observable(Promise.resolve(res)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' as const };
}

// The API server answers 429 with a Retry-After while it is busy (API priority and fairness) or while a resource's
// storage is still starting (right after a CRD is created); as client-go does, a call waits and tries again, here at
// most twice and only for a wait this short, so the per-call timeout stays meaningful.
const MAX_429_RETRIES = 2;
const MAX_RETRY_AFTER_SECONDS = 2;

/** How long the API server asked to wait before trying again, when the failure is a 429 with a short enough wait. */
export function retryAfterMs(err: unknown): number | undefined {
  if (statusOf(err) !== 429) return undefined;
  const headers = (err as { headers?: Record<string, string> | null }).headers ?? {};
  const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const fromBody = (answerBody(err) as { details?: { retryAfterSeconds?: unknown } } | undefined)?.details?.retryAfterSeconds;
  const seconds = header !== undefined && /^\d+$/.test(header) ? Number(header) : typeof fromBody === 'number' ? fromBody : 1;
  return seconds <= MAX_RETRY_AFTER_SECONDS ? seconds * 1000 : undefined;
}

/** Runs `call`, trying again after a 429 as the API server asks (see MAX_429_RETRIES). */
export async function retryingTooManyRequests<T>(call: () => Promise<T>, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const wait = attempt < MAX_429_RETRIES ? retryAfterMs(err) : undefined;
      if (wait === undefined) throw err;
      await sleep(wait);
    }
  }
}

/**
 * Runs one call as the current identity (the console's credentials, or the signed-in user's token against the
 * same cluster) with the per-call timeout, turning failures into UpstreamErrors (502/504) and, for a user, the
 * API server's 401/403 into ours. Shared with the other readers in lib/k8s so they use the same client setup.
 */
export async function withKube<T>(call: (kc: KubeConfig, options: ReturnType<typeof timeoutOption>) => Promise<T>): Promise<T> {
  const { upstreamTimeoutMs } = appConfig();
  const identity = currentIdentity();
  if (identity.kind === 'console') {
    const kc = kubeConfig();
    return callUpstream('kubernetes', upstreamTimeoutMs, () => retryingTooManyRequests(() => call(kc, timeoutOption(upstreamTimeoutMs))));
  }
  const kc = userKubeConfig(identity.token);
  const outcome = await callUpstream('kubernetes', upstreamTimeoutMs, async () => {
    try {
      return { ok: true as const, value: await retryingTooManyRequests(() => call(kc, timeoutOption(upstreamTimeoutMs))) };
    } catch (err) {
      const denied = userDenial(err);
      if (denied) return { ok: false as const, denied };
      throw err;
    }
  });
  if (!outcome.ok) throw outcome.denied;
  return outcome.value;
}

/** The HTTP status a client call failed with, when it says. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs a call, answering `undefined` where the API server says 404 (a CRD that is not installed, an absent object). */
export async function unlessNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** The API server's address as the console sees it. */
export function kubernetesServer(): string | undefined {
  try {
    return kubeConfig().getCurrentCluster()?.server;
  } catch {
    return undefined;
  }
}

/** The API server's version string, e.g. `v1.36.3`. */
export async function kubernetesVersion(): Promise<string> {
  return withKube(async (kc, options) => (await kc.makeApiClient(VersionApi).getCode(options)).gitVersion);
}

/** All namespaces with their labels and sidecar-injection setting. */
export async function listNamespaces(): Promise<NamespaceSummary[]> {
  const list = await withKube((kc, options) => kc.makeApiClient(CoreV1Api).listNamespace({}, options));
  return list.items.map((ns) => {
    const labels = ns.metadata?.labels ?? {};
    const injection = labels['istio-injection'];
    return {
      name: ns.metadata?.name ?? '',
      labels,
      istioInjection: injection === 'enabled' ? 'enabled' : injection === 'disabled' ? 'disabled' : 'unset',
    };
  });
}

/** One "can I" question, as in `kubectl auth can-i <verb> <resource>.<group> [-n namespace] [name]`. */
export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
}

/** Asks the API server whether the current identity may do each thing (SelfSubjectAccessReview), in order. */
export async function canI(checks: AccessCheck[]): Promise<boolean[]> {
  return Promise.all(
    checks.map(async ({ verb, group, resource, namespace, name }) => {
      const review = await withKube((kc, options) =>
        kc.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview(
          {
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: { resourceAttributes: { verb, group, resource, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) } },
            },
          },
          options,
        ),
      );
      return review.status?.allowed === true;
    }),
  );
}

/**
 * The current identity's user name (SelfSubjectReview); a rejected token fails with `unauthorized`. Servers older
 * than 1.28 lack the review: there an access review proves the token and the name stays unknown.
 */
export async function whoAmI(): Promise<string | undefined> {
  const review = await withKube((kc, options) =>
    unlessNotFound(() =>
      kc.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } }, options),
    ),
  );
  if (review) return review.status?.userInfo?.username;
  await canI([{ verb: 'get', group: '', resource: 'namespaces' }]);
  return undefined;
}
