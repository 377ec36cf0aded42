import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshStatuses(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { upstreamStatuses } = await import('./status');
  return upstreamStatuses();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

// Against the lab: the status the shell shows, with every upstream up and with one down.
describe('upstreamStatuses', () => {
  it('reports all three lab upstreams connected, with versions and latencies', async () => {
    const statuses = await freshStatuses({});
    expect(statuses.map((s) => [s.name, s.state])).toEqual([
      ['kubernetes', 'connected'],
      ['prometheus', 'connected'],
      ['jaeger', 'connected'],
    ]);
    for (const s of statuses) {
      expect(s.version).toBeTruthy();
      expect(s.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('degrades only the upstream that is down, with a message', async () => {
    const statuses = await freshStatuses({ PROMETHEUS_URL: 'http://127.0.0.1:1' });
    const byName = Object.fromEntries(statuses.map((s) => [s.name, s]));
    expect(byName.prometheus).toMatchObject({ state: 'unreachable', message: expect.stringMatching(/^prometheus: .*ECONNREFUSED/) });
    expect(byName.kubernetes?.state).toBe('connected');
    expect(byName.jaeger?.state).toBe('connected');
  });

  it('says which variable is missing when an upstream is not configured', async () => {
    const statuses = await freshStatuses({ JAEGER_URL: '' });
    expect(statuses.find((s) => s.name === 'jaeger')).toMatchObject({ state: 'not_configured', message: 'jaeger: JAEGER_URL is not set' });
  });
});
