import 'server-only';
import { AppError, type Upstream } from './errors';
import { jaegerVersion, listTraceServices } from './jaeger/client';
import { kubernetesVersion } from './k8s/client';
import { prometheusVersion } from './prometheus/client';

/** What the console knows about one upstream right now. */
export interface UpstreamStatus {
  name: Upstream;
  state: 'connected' | 'unreachable' | 'not_configured';
  version?: string;
  latencyMs?: number;
  message?: string;
}

const probes: Record<Upstream, () => Promise<string>> = {
  kubernetes: kubernetesVersion,
  prometheus: prometheusVersion,
  // The services call proves the query API works; the version comes from the UI page.
  jaeger: async () => (await Promise.all([jaegerVersion(), listTraceServices()]))[0],
};

async function probe(name: Upstream): Promise<UpstreamStatus> {
  const started = performance.now();
  try {
    const version = await probes[name]();
    return { name, state: 'connected', version, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    const notConfigured = err instanceof AppError && err.code === 'not_configured';
    const message = err instanceof AppError ? err.message : 'unexpected error';
    return { name, state: notConfigured ? 'not_configured' : 'unreachable', message };
  }
}

/** Probes every upstream concurrently; never throws. */
export async function upstreamStatuses(): Promise<UpstreamStatus[]> {
  return Promise.all((['kubernetes', 'prometheus', 'jaeger'] as const).map(probe));
}
