import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadRoutes } from './lab-routes';

const GRAPH = 'namespaces=bookinfo&graphType=versionedApp&duration=5m';

afterAll(() => {
  vi.unstubAllEnvs();
});

// Against the lab: 20 people opening the same graph at once cost about one set of Prometheus queries.
describe('20 concurrent viewers of one graph', () => {
  it('cost at most twice the queries of one viewer', async () => {
    const routes = await loadRoutes({});
    const prometheusCalls = () => routes.metric('meshscope_upstream_request_duration_seconds_count', { upstream: 'prometheus' });
    // Query answers shared: by the query cache and coalescing, and by whole graphs shared (each saves its queries).
    const shared = async (perGraph: number) =>
      (await routes.metric('meshscope_prometheus_coalesced_calls_total')) +
      (await routes.metric('meshscope_prometheus_cache_hits_total')) +
      perGraph * (await routes.metric('meshscope_graph_shared_total'));

    // One viewer, at an instant nobody asked for yet: what a graph costs.
    const before = await prometheusCalls();
    const one = await routes.graph(`${GRAPH}&queryTime=${Math.floor(Date.now() / 1000) - 30}`);
    expect(one.status).toBe(200);
    const single = (await prometheusCalls()) - before;
    expect(single).toBeGreaterThan(0);

    // Twenty viewers of "now".
    const callsBefore = await prometheusCalls();
    const sharedBefore = await shared(single);
    const answers = await Promise.all(Array.from({ length: 20 }, () => routes.graph(GRAPH)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const twenty = (await prometheusCalls()) - callsBefore;
    const sharedAnswers = (await shared(single)) - sharedBefore;
    expect(twenty).toBeGreaterThanOrEqual(single);
    expect(twenty).toBeLessThanOrEqual(2 * single);
    expect(sharedAnswers).toBeGreaterThanOrEqual(20 * single - twenty);
    // Everyone sees the same graph.
    expect(new Set(answers.map((a) => JSON.stringify((a.body as { edges: unknown }).edges))).size).toBe(1);
    console.log(JSON.stringify({ queriesForOneViewer: single, queriesForTwentyViewers: twenty, answersShared: sharedAnswers }));
  });
});
