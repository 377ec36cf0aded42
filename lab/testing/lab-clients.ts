// Helpers for integration tests that drive the running lab: apply Istio YAML, query Prometheus, read the
// simulator's ground truth. They talk to the lab's real servers through the URLs in `.lab/env`.
import { readFileSync } from 'node:fs';
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { SCRAPE_INTERVAL_SECONDS } from '../configs';
import { DURATION_BUCKETS_MS } from '../simulator/metrics';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the integration tests through npm test, or export .lab/env`);
  return value;
}

function objectApi(): KubernetesObjectApi {
  const kc = new KubeConfig();
  kc.loadFromFile(env('KUBECONFIG_ADMIN'));
  return KubernetesObjectApi.makeApiClient(kc);
}

/** Reads the Kubernetes objects of a YAML file, putting them in `namespace` when they name none. */
export function readObjects(path: string, namespace: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => o !== null && typeof o === 'object' && 'kind' in o)
    .map((o) => ({ ...o, metadata: { ...o.metadata, namespace: o.metadata?.namespace ?? namespace } }));
}

/** Creates the objects (replacing same-named ones) and returns a function that deletes them again. */
export async function applyObjects(objects: KubernetesObject[]): Promise<() => Promise<void>> {
  const api = objectApi();
  for (const obj of objects) {
    try {
      await api.create(obj);
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
      const live = await api.read({ apiVersion: obj.apiVersion ?? '', kind: obj.kind ?? '', metadata: { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '' } });
      await api.replace({ ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata?.resourceVersion } });
    }
  }
  return async () => {
    for (const obj of [...objects].reverse()) await api.delete(obj).catch(() => undefined);
  };
}

/** One instant query against the lab's Prometheus, now or at `timeSeconds`; the vector as label sets and values. */
export async function promQuery(promql: string, timeSeconds?: number): Promise<{ labels: Record<string, string>; value: number }[]> {
  const params = new URLSearchParams({ query: promql, ...(timeSeconds === undefined ? {} : { time: String(timeSeconds) }) });
  const res = await fetch(`${env('PROMETHEUS_URL')}/api/v1/query?${params}`);
  const body = (await res.json()) as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success') throw new Error(`PromQL ${promql}: ${body.error}`);
  return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

/** Sums an instant vector's values by one label. */
export async function promSumBy(promql: string, label: string, timeSeconds?: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of await promQuery(promql, timeSeconds)) out[s.labels[label] ?? ''] = (out[s.labels[label] ?? ''] ?? 0) + s.value;
  return out;
}

/** The simulator's ground truth over the `windowSeconds` whole seconds before `endMs` (default now). */
export async function groundTruth<T>(windowSeconds: number, endMs?: number): Promise<T> {
  const end = endMs === undefined ? '' : `&end=${Math.round(endMs)}`;
  const res = await fetch(`${env('SIMULATOR_URL')}/truth?window=${windowSeconds}${end}`);
  return (await res.json()) as T;
}

/** When Prometheus last scraped the simulator (Unix seconds, fractional). */
export async function lastScrapeSeconds(): Promise<number> {
  const [sample] = await promQuery('timestamp(up{job="mesh-simulator"})');
  if (!sample) throw new Error('Prometheus has not scraped the simulator yet');
  return sample.value;
}

/** Polls `probe` until it returns a value `accept` takes, or fails after `timeoutMs` with the last value. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, intervalMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
    last = await probe();
  }
  return last;
}

/** Seconds of history Prometheus holds for the simulator (successful scrapes × the lab's scrape interval). */
export async function simulatorHistorySeconds(): Promise<number> {
  const [sample] = await promQuery('sum_over_time(up{job="mesh-simulator"}[10m])');
  return (sample?.value ?? 0) * SCRAPE_INTERVAL_SECONDS;
}

/** When the simulator last saw the mesh's Istio configuration change (ms since the epoch). */
export async function istioConfigChangedAt(): Promise<number> {
  const res = await fetch(`${env('SIMULATOR_URL')}/status`);
  const status = (await res.json()) as { istioConfig: { changedAt: number } };
  return status.istioConfig.changedAt;
}

/**
 * Waits for a scrape that ends a quiet `rangeSeconds` window, one whose series were all born before it began, and
 * returns that scrape's time (Unix seconds). A change of Istio config starts new series (a response code, a flag, a
 * connection_security_policy); rate() cannot see a series' first increment, so a window holding such a birth
 * reads low by up to one scrape interval of that traffic. Users see the same thing in Prometheus; a test comparing
 * with the truth must not.
 */
export async function quietWindowEnd(rangeSeconds: number, timeoutMs: number): Promise<number> {
  const quietEnough = async () => {
    const [at, changedAt] = await Promise.all([lastScrapeSeconds(), istioConfigChangedAt()]);
    return { at, quietFor: at - changedAt / 1000 - SCRAPE_INTERVAL_SECONDS - 1 };
  };
  const { at } = await eventually(quietEnough, (w) => w.quietFor >= rangeSeconds, timeoutMs, 5_000);
  return Math.ceil(at);
}

/**
 * What Prometheus' rate() over `rangeSeconds` at `evalSeconds` does to the simulator's counters: the first and last
 * scrape inside the window and the factor by which rate() extrapolates their increase to the window's edges
 * (Prometheus' extrapolatedRate). A count of what happened between those scrapes, times `factor`, divided by the
 * range, is what rate() reports.
 */
export async function rateWindow(evalSeconds: number, rangeSeconds: number): Promise<{ first: number; last: number; factor: number }> {
  const res = await fetch(`${env('PROMETHEUS_URL')}/api/v1/query?${new URLSearchParams({ query: `up{job="mesh-simulator"}[${rangeSeconds}s]`, time: String(evalSeconds) })}`);
  const body = (await res.json()) as { data: { result: { values: [number, string][] }[] } };
  const times = (body.data.result[0]?.values ?? []).filter(([, v]) => v === '1').map(([t]) => t);
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined || times.length < 2) throw new Error('fewer than two scrapes in the window');
  const sampled = last - first;
  const threshold = (sampled / (times.length - 1)) * 1.1;
  const toStart = first - (evalSeconds - rangeSeconds);
  const toEnd = evalSeconds - last;
  const extStart = toStart < threshold ? toStart : threshold / 2.2;
  const extEnd = toEnd < threshold ? toEnd : threshold / 2.2;
  return { first, last, factor: (sampled + extStart + extEnd) / sampled };
}

/** Whether two latencies are at most one Istio histogram bucket apart (the precision of a bucketed quantile). */
export function withinOneBucket(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const index = (x: number) => DURATION_BUCKETS_MS.findIndex((le) => x <= le);
  return Math.abs(index(a) - index(b)) <= 1;
}
