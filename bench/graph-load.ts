// Benchmark: 20 people watching the graph of 2 namespaces, against the running lab, through a production build of
// the console started here. Prints, measured side by side in one run:
//   - one user alone, then USERS users at once: p50, p95 and p99 of GET /api/graph, the number of 5xx answers;
//   - Prometheus queries evaluated during each phase (Prometheus' own counter) and per graph request;
//   - the console's resident memory at the start and at its peak;
//   - the ratio p95(many) ÷ p95(one) (goal ≤ 2) and the 5xx count (goal 0).
// Each user asks every PERIOD_MS, as a page refreshing on its own does (a timer, whatever the previous answer took).
// Usage: npm run lab (and npm run build once) in one shell; then sh scripts/run.sh bench/graph-load.ts
// Settings: BENCH_SECONDS (120), BENCH_SOLO_SECONDS (30), BENCH_USERS (20), BENCH_PERIOD_MS (1000, between asks).
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { readLabEnv } from '../lab/env-file';
import { freePort } from '../lab/probes';
import { consoleEnv, startConsole, stopConsole } from '../scripts/console';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const SOLO_SECONDS = Number(process.env.BENCH_SOLO_SECONDS ?? 30);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const PERIOD_MS = Number(process.env.BENCH_PERIOD_MS ?? 1000);
const QUERY = 'namespaces=bookinfo,travel&graphType=versionedApp&duration=5m';

const lab = readLabEnv();
if (!lab) throw new Error('no lab is running: start it with npm run lab');

/** Prometheus' own count of evaluated queries, from its /metrics. */
async function engineQueries(): Promise<number> {
  const text = await (await fetch(`${lab!.PROMETHEUS_URL}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('prometheus_engine_query_duration_seconds_count{slice="inner_eval"}'));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? NaN) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Phase {
  users: number;
  requests: number;
  errors5xx: number;
  p50: number;
  p95: number;
  p99: number;
  queries: number;
  peakRssMiB: number;
}

async function phase(base: string, users: number, seconds: number, server: ChildProcess): Promise<Phase> {
  const times: number[] = [];
  let errors5xx = 0;
  let peak = rssMiB(server.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid))), 500);
  const before = await engineQueries();
  const until = Date.now() + seconds * 1000;
  // Each user asks every PERIOD_MS from its own starting instant, as a page's refresh timer does: the timer does not
  // wait for the previous answer, so one slow answer does not line the users up behind each other. (Waiting a fixed
  // time after each answer instead makes every user delayed by one stall ask again at the same instant ever after.)
  const user = async (offsetMs: number) => {
    let next = performance.now() + offsetMs;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      next += PERIOD_MS;
      const started = performance.now();
      const res = await fetch(`${base}/api/graph?${QUERY}`);
      await res.arrayBuffer();
      times.push(performance.now() - started);
      if (res.status >= 500) errors5xx++;
    }
  };
  // Arrivals spread over one period, as people do not all open the page at the same instant.
  await Promise.all(Array.from({ length: users }, (_, i) => user((i * PERIOD_MS) / users)));
  clearInterval(sampler);
  const queries = (await engineQueries()) - before;
  const sorted = [...times].sort((a, b) => a - b);
  return { users, requests: times.length, errors5xx, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), queries, peakRssMiB: peak };
}

const port = await freePort();
const server = await startConsole(consoleEnv(lab), port, 'ignore');
try {
  const base = `http://127.0.0.1:${port}`;
  // Warm the server (first compilation of the route, first connections) outside the measurement.
  for (let i = 0; i < 3; i++) await (await fetch(`${base}/api/graph?${QUERY}`)).arrayBuffer();
  const startRss = rssMiB(server.pid);
  const solo = await phase(base, 1, SOLO_SECONDS, server);
  const crowd = await phase(base, USERS, SECONDS, server);
  const row = (p: Phase) =>
    `${String(p.users).padStart(5)} users: ${String(p.requests).padStart(5)} requests, 5xx ${p.errors5xx}, p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms, p99 ${p.p99.toFixed(0)} ms, ` +
    `Prometheus queries ${p.queries} (${(p.queries / Math.max(1, p.requests)).toFixed(2)} per request), peak RSS ${p.peakRssMiB.toFixed(0)} MiB`;
  process.stdout.write(`graph of bookinfo+travel, each user asks every ${PERIOD_MS} ms; console RSS at start ${startRss.toFixed(0)} MiB\n`);
  process.stdout.write(`${row(solo)}  (${SOLO_SECONDS} s)\n${row(crowd)}  (${SECONDS} s)\n`);
  process.stdout.write(`p95 ${USERS} users ÷ p95 one user: ${(crowd.p95 / solo.p95).toFixed(2)} (goal ≤ 2); 5xx: ${crowd.errors5xx + solo.errors5xx} (goal 0)\n`);
} finally {
  await stopConsole(server);
}
