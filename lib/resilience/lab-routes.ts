// Test helpers for the resilience integration tests: the real route handlers, loaded with a fresh module graph and
// a stubbed environment, and the console's own counters read back through GET /metrics.
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

/** What one call of a route answered, and how long it took. */
export interface Answer {
  status: number;
  body: unknown;
  ms: number;
}

/** The graph, status and metrics routes, loaded once with `env` on top of the lab's environment. */
export async function loadRoutes(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const [{ GET: graphGet }, { GET: statusGet }, { GET: metricsGet }, { setLogSink }] = await Promise.all([
    import('../../app/api/graph/route'),
    import('../../app/api/status/route'),
    import('../../app/metrics/route'),
    import('../telemetry/log'),
  ]);
  // One log line per request would bury the test's own output.
  setLogSink(() => undefined);

  async function answer(call: () => Promise<Response>): Promise<Answer> {
    const started = performance.now();
    const res = await call();
    const body: unknown = await res.json();
    return { status: res.status, body, ms: Math.round(performance.now() - started) };
  }

  return {
    graph: (query: string) => answer(() => graphGet(new Request(`http://console.test/api/graph?${query}`))),
    status: () => answer(() => statusGet(new Request('http://console.test/api/status'))),
    /** The value of one sample of GET /metrics, summed over the series whose labels include `labels`. */
    async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
      const text = await metricsGet(new Request('http://console.test/metrics')).text();
      const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
      let sum = 0;
      for (const line of text.split('\n')) {
        const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
        if (m?.[1] === name && wanted.every((w) => (m[2] ?? '').includes(w))) sum += Number(m[3]);
      }
      return sum;
    },
  };
}

/** The pid of the lab's Prometheus, from the file the lab supervisor writes. */
export function prometheusPid(): number {
  const pid = Number(readFileSync(new URL('../../.lab/pids/prometheus.pid', import.meta.url), 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error('no Prometheus pid under .lab/pids: is the lab running?');
  return pid;
}

/** The message of an API error body. */
export const messageOf = (body: unknown): string => (body as { error?: { message?: string } }).error?.message ?? '';
