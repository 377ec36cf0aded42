// Benchmark of GET /api/graph on the large scenario (run the lab with LAB_SCENARIO=large first).
// Prints, measured side by side in one run:
//   (a) graph API time ÷ Prometheus' own time for the same queries (p50, p95 over RUNS runs; goal ≤ 1.25 at p50)
//   (b) Prometheus queries per graph request for 1, 5 and 20 namespaces (goal: constant)
// Usage: npm run lab (with LAB_SCENARIO=large) in one shell; then sh scripts/run.sh bench/graph-api.ts
import { readLabEnv } from '../lab/env-file';
import { consoleEnv } from '../scripts/console';
import { parseGraphParams } from '../lib/mesh/graph/params';
import { graphQueries, renderGraphQueries } from '../lib/mesh/graph/queries';

const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const lab = readLabEnv();
if (!lab) throw new Error('no lab is running: start it with LAB_SCENARIO=large npm run lab');
Object.assign(process.env, consoleEnv(lab), { MESHSCOPE_UPSTREAM_TIMEOUT_MS: '60000' });
const { GET } = await import('../app/api/graph/route');

async function namespaces(): Promise<string[]> {
  const res = await fetch(`${lab!.PROMETHEUS_URL}/api/v1/label/destination_workload_namespace/values`);
  const body = (await res.json()) as { data: string[] };
  return body.data.filter((n) => n !== 'unknown' && n !== 'istio-system').sort();
}

/** Prometheus' own count of evaluated queries, read live from its /metrics (a query would be 5 s stale). */
async function engineQueries(): Promise<number> {
  const text = await (await fetch(`${lab!.PROMETHEUS_URL}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('prometheus_engine_query_duration_seconds_count{slice="inner_eval"}'));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

async function apiTime(query: string): Promise<number> {
  const started = performance.now();
  const res = await GET(new Request(`http://bench/api/graph?${query}`));
  if (res.status !== 200) throw new Error(`graph API answered ${res.status}: ${await res.text()}`);
  await res.json();
  return performance.now() - started;
}

/** The same queries straight to Prometheus, concurrently, as the API sends them. */
async function prometheusTime(query: string, time: number): Promise<number> {
  const promql = renderGraphQueries(graphQueries(parseGraphParams(new URLSearchParams(query), time)));
  const started = performance.now();
  await Promise.all(
    promql.map(async (q) => {
      const res = await fetch(`${lab!.PROMETHEUS_URL}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: q, time: String(time) }) });
      await res.json();
    }),
  );
  return performance.now() - started;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] ?? NaN;
}

const all = await namespaces();
const now = Math.floor(Date.now() / 1000) - 10;
const base = `graphType=workload&duration=300&edgeLabels=latency,throughput&queryTime=${now}`;
const five = `namespaces=${all.slice(0, 5).join(',')}&${base}`;
console.log(`large mesh: ${all.length} namespaces; ${RUNS} runs of a 5-namespace workload graph with latency and throughput`);

const ratios: number[] = [];
const api: number[] = [];
const prom: number[] = [];
await apiTime(five); // warm caches on both paths
await prometheusTime(five, now);
for (let i = 0; i < RUNS; i++) {
  // Alternate the order so neither side always runs on a warmer Prometheus.
  let a: number;
  let p: number;
  if (i % 2 === 0) {
    a = await apiTime(five);
    p = await prometheusTime(five, now);
  } else {
    p = await prometheusTime(five, now);
    a = await apiTime(five);
  }
  api.push(a);
  prom.push(p);
  ratios.push(a / p);
}
const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
console.log(`(a) API ÷ Prometheus: p50 ${quantile(sorted(ratios), 0.5).toFixed(2)}, p95 ${quantile(sorted(ratios), 0.95).toFixed(2)}  ` +
  `(API p50 ${quantile(sorted(api), 0.5).toFixed(0)} ms, Prometheus p50 ${quantile(sorted(prom), 0.5).toFixed(0)} ms; goal ≤ 1.25 at p50)`);

for (const n of [1, 5, 20]) {
  const chosen = all.slice(0, n);
  const before = await engineQueries();
  await apiTime(`namespaces=${chosen.join(',')}&${base}`);
  const after = await engineQueries();
  console.log(`(b) ${String(n).padStart(2)} namespaces → ${after - before} Prometheus queries per graph request`);
}
