// The Istio sidecars' CPU and memory of one workload: the two range queries and their series. Pure.

import { eq, oneOf, rate, seconds, selector, sum, type Expr } from '../../promql';
import { toPoints, type MatrixSeries } from '../metrics/series';
import type { TimeGrid } from '../metrics/step';
import type { Series } from '../metrics/types';

/** The container the Istio injector adds; cAdvisor labels its usage with `container="istio-proxy"`. */
export const PROXY_CONTAINER = 'istio-proxy';

/** One chart of sidecar usage. `cores`: CPU seconds per second; `bytes`: working-set memory. */
export interface ResourceMetric<U extends 'cores' | 'bytes' = 'cores' | 'bytes'> {
  unit: U;
  /** One series summed over the workload's pods, or none when Prometheus had no samples of them. */
  series: Series[];
}

/** `GET /api/namespaces/{ns}/workloads/{name}/resources`. */
export interface SidecarResources {
  namespace: string;
  workload: string;
  /** The pods (from Kubernetes, now) whose proxies the series add up. */
  pods: string[];
  /** Unix seconds of the first and last point, and seconds between points. */
  start: number;
  end: number;
  step: number;
  /** Seconds the CPU rate looks back from each point. */
  rateWindow: number;
  cpu: ResourceMetric<'cores'>;
  memory: ResourceMetric<'bytes'>;
}

/**
 * The CPU and memory queries, summed over the pods so a chart stays one line however many replicas run. Pods are
 * matched by their exact names (escaped by the builder), so a prefix never pulls in another workload's pods.
 */
export function resourceQueries(namespace: string, pods: readonly string[], rateWindowSeconds: number): { cpu: Expr; memory: Expr } {
  const matchers = [eq('namespace', namespace), oneOf('pod', pods), eq('container', PROXY_CONTAINER)];
  return {
    cpu: sum(rate(selector('container_cpu_usage_seconds_total', matchers, seconds(rateWindowSeconds)))),
    memory: sum(selector('container_memory_working_set_bytes', matchers)),
  };
}

function toSeries(matrix: readonly MatrixSeries[], grid: TimeGrid): Series[] {
  return matrix.slice(0, 1).map((m) => ({ name: PROXY_CONTAINER, labels: { container: PROXY_CONTAINER }, points: toPoints(m.values, grid) }));
}

/** The response from the two queries' answers, with a point per grid instant (null where there was no sample). */
export function sidecarResources(
  target: { namespace: string; workload: string; pods: readonly string[] },
  grid: TimeGrid,
  rateWindow: number,
  results: { cpu: readonly MatrixSeries[]; memory: readonly MatrixSeries[] },
): SidecarResources {
  return {
    namespace: target.namespace,
    workload: target.workload,
    pods: [...target.pods],
    start: grid.start,
    end: grid.end,
    step: grid.step,
    rateWindow,
    cpu: { unit: 'cores', series: toSeries(results.cpu, grid) },
    memory: { unit: 'bytes', series: toSeries(results.memory, grid) },
  };
}
