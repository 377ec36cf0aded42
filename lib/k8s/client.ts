import 'server-only';
import {
  CoreV1Api,
  KubeConfig,
  Observable,
  VersionApi,
  type ObservableMiddleware,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';
import { appConfig, type KubernetesSettings } from '../config/env';
import { UpstreamError } from '../errors';
import { callUpstream } from '../upstream-call';

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

/**
 * Runs one call with the configured client and the per-call timeout, turning failures into UpstreamErrors
 * (502/504). Shared with the other readers in lib/k8s so they use the same client setup.
 */
export async function withKube<T>(call: (kc: KubeConfig, options: ReturnType<typeof timeoutOption>) => Promise<T>): Promise<T> {
  const { upstreamTimeoutMs } = appConfig();
  const kc = kubeConfig();
  return callUpstream('kubernetes', upstreamTimeoutMs, () => call(kc, timeoutOption(upstreamTimeoutMs)));
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
