import 'server-only';
import { AppError, type Upstream } from './errors';
import { jaegerVersion, listTraceServices } from './jaeger/client';
import { kubernetesVersion } from './k8s/client';
import { prometheusVersion } from './prometheus/client';
import { breakerSnapshots } from './resilience/breakers';
import type { BreakerState } from './resilience/circuit-breaker';

/** An upstream's circuit breaker as the top bar shows it; times are ISO 8601. */
export interface BreakerStatus {
  state: BreakerState;
  since: string;
  /** While open: when the next call may go through, and how long that is from this answer. */
  retryAt?: string;
  retryInMs?: number;
}

/** What the console knows about one upstream right now. */
export interface UpstreamStatus {
  name: Upstream;
  state: 'connected' | 'unreachable' | 'not_configured';
  version?: string;
  latencyMs?: number;
  message?: string;
  breaker: BreakerStatus;
}

const probes: Record<Upstream, () => Promise<string>> = {
  kubernetes: kubernetesVersion,
  prometheus: prometheusVersion,
  // The services call proves the query API works; the version comes from the UI page.
  jaeger: async () => (await Promise.all([jaegerVersion(), listTraceServices()]))[0],
};

function breakerStatus(name: Upstream, now: number): BreakerStatus {
  const b = breakerSnapshots()[name];
  const status: BreakerStatus = { state: b.state, since: new Date(b.since).toISOString() };
  if (b.state === 'open' && b.retryAt !== undefined) {
    status.retryAt = new Date(b.retryAt).toISOString();
    status.retryInMs = Math.max(0, b.retryAt - now);
  }
  return status;
}

async function probe(name: Upstream): Promise<Omit<UpstreamStatus, 'breaker'>> {
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

/**
 * Probes every upstream concurrently, with each one's breaker as it stands after the probe; never throws. While a
 * breaker is open its probe fails fast; once the cool-down ends, a status poll may be the call that closes it.
 */
export async function upstreamStatuses(): Promise<UpstreamStatus[]> {
  const probed = await Promise.all((['kubernetes', 'prometheus', 'jaeger'] as const).map(probe));
  const now = Date.now();
  return probed.map((p) => ({ ...p, breaker: breakerStatus(p.name, now) }));
}
