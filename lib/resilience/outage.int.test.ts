import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadRoutes, messageOf, prometheusPid, type Answer } from './lab-routes';
import { BREAKER_COOL_DOWN_MS, BREAKER_FAILURE_THRESHOLD } from './settings';

const TIMEOUT_MS = 1500;
const GRAPH = 'namespaces=bookinfo&graphType=workload&duration=5m';

afterAll(() => {
  vi.unstubAllEnvs();
});

// Each call asks for a different instant, so no cached or shared answer hides what Prometheus does.
const base = Math.floor(Date.now() / 1000) - 120;
let offset = 0;
const uncached = () => `${GRAPH}&queryTime=${base - ++offset}`;

// Against the lab: Prometheus hangs (SIGSTOP), the console times out, opens the breaker, fails fast, and recovers on its
// own after Prometheus is thawed (SIGCONT) and the cool-down has passed.
describe('a hung Prometheus', () => {
  it('times out, opens the breaker, fails fast, and recovers without a restart', async () => {
    const routes = await loadRoutes({ MESHSCOPE_UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) });
    const prometheusCalls = () => routes.metric('meshscope_upstream_request_duration_seconds_count', { upstream: 'prometheus' });
    expect((await routes.graph(uncached())).status).toBe(200);

    const pid = prometheusPid();
    const timedOut: Answer[] = [];
    let fast: Answer | undefined;
    let callsDuringFastFail = -1;
    let statusWhileOpen: unknown;
    let openedAt = 0;
    try {
      process.kill(pid, 'SIGSTOP');
      // The first request's queries all time out; the breaker opens once BREAKER_FAILURE_THRESHOLD of them have.
      for (let i = 0; i < BREAKER_FAILURE_THRESHOLD && !fast; i++) {
        const a = await routes.graph(uncached());
        if (a.status === 504) timedOut.push(a);
        else fast = a;
      }
      openedAt = Date.now();
      const before = await prometheusCalls();
      fast ??= await routes.graph(uncached());
      const again = await routes.graph(uncached());
      callsDuringFastFail = (await prometheusCalls()) - before;
      statusWhileOpen = (await routes.status()).body;
      fast = { ...fast, ms: Math.max(fast.ms, again.ms) };
      expect(again.status).toBe(502);
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    expect(timedOut.length).toBeGreaterThanOrEqual(1);
    expect(timedOut[0]?.body).toMatchObject({ error: { code: 'upstream_timeout', message: `prometheus: no answer within ${TIMEOUT_MS} ms` } });
    expect(fast.status).toBe(502);
    expect(messageOf(fast.body)).toMatch(/^prometheus: circuit breaker open after \d+ consecutive failures \(last: no answer within 1500 ms\); retrying in \d+ s$/);
    // Failing fast means not calling Prometheus at all.
    expect(callsDuringFastFail).toBe(0);
    const prom = (statusWhileOpen as { upstreams: { name: string; state: string; breaker: { state: string; retryInMs?: number } }[] }).upstreams.find((u) => u.name === 'prometheus');
    expect(prom).toMatchObject({ state: 'unreachable', breaker: { state: 'open', retryInMs: expect.any(Number) } });

    // Thawed, the console stays away until the cool-down ends, then the next requests find Prometheus again.
    let recovered: Answer | undefined;
    let attempts = 0;
    while (!recovered && Date.now() - openedAt < BREAKER_COOL_DOWN_MS + 20_000) {
      attempts += 1;
      const a = await routes.graph(uncached());
      if (a.status === 200) recovered = a;
      else await new Promise((r) => setTimeout(r, 1_000));
    }
    const recoveredAfterMs = Date.now() - openedAt;
    expect(recovered?.status).toBe(200);
    const after = (await routes.status()).body as { upstreams: { name: string; breaker: { state: string } }[] };
    expect(after.upstreams.find((u) => u.name === 'prometheus')?.breaker.state).toBe('closed');
    console.log(
      JSON.stringify({
        timeoutMs: TIMEOUT_MS,
        timedOutRequests: timedOut.map((a) => a.ms),
        fastFailMs: fast.ms,
        callsDuringFastFail,
        recoveredAfterMs,
        attemptsUntilRecovered: attempts,
      }),
    );
  }, BREAKER_COOL_DOWN_MS + 60_000);
});
