// Where each circuit-breaker knob of the form lives in a DestinationRule's `trafficPolicy`, read and written from
// one table so the two cannot drift apart. Pure.

import { record } from '../istio/read';
import type { CircuitBreaker } from './types';

/** Each knob and its path under `spec.trafficPolicy`. */
export const CIRCUIT_BREAKER_PATHS: readonly { key: keyof CircuitBreaker; path: readonly string[]; kind: 'number' | 'duration' }[] = [
  { key: 'maxConnections', path: ['connectionPool', 'tcp', 'maxConnections'], kind: 'number' },
  { key: 'http1MaxPendingRequests', path: ['connectionPool', 'http', 'http1MaxPendingRequests'], kind: 'number' },
  { key: 'maxRequestsPerConnection', path: ['connectionPool', 'http', 'maxRequestsPerConnection'], kind: 'number' },
  { key: 'consecutive5xxErrors', path: ['outlierDetection', 'consecutive5xxErrors'], kind: 'number' },
  { key: 'interval', path: ['outlierDetection', 'interval'], kind: 'duration' },
  { key: 'baseEjectionTime', path: ['outlierDetection', 'baseEjectionTime'], kind: 'duration' },
  { key: 'maxEjectionPercent', path: ['outlierDetection', 'maxEjectionPercent'], kind: 'number' },
];

function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => record(o)?.[k], root);
}

/** The circuit breaker of a `trafficPolicy` (undefined when it sets none of the knobs); wrong types go to `problems`. */
export function readCircuitBreaker(trafficPolicy: unknown, problems: string[]): CircuitBreaker | undefined {
  const cb: Record<string, number | string> = {};
  for (const { key, path, kind } of CIRCUIT_BREAKER_PATHS) {
    const v = valueAt(trafficPolicy, path);
    if (v === undefined || v === null) continue;
    if (typeof v !== (kind === 'number' ? 'number' : 'string')) {
      problems.push(`DestinationRule spec.trafficPolicy.${path.join('.')} is not a ${kind} (${JSON.stringify(v)})`);
      continue;
    }
    cb[key] = v as number | string;
  }
  return Object.keys(cb).length > 0 ? (cb as CircuitBreaker) : undefined;
}

/**
 * The `trafficPolicy` with the knobs that differ between `before` and `after` set or removed, everything else as it
 * was. Objects emptied by a removal are removed too, so clearing a knob leaves no `tcp: {}` behind.
 */
export function patchCircuitBreaker(trafficPolicy: Record<string, unknown>, before: CircuitBreaker | undefined, after: CircuitBreaker | undefined): Record<string, unknown> {
  const policy = structuredClone(trafficPolicy);
  for (const { key, path } of CIRCUIT_BREAKER_PATHS) {
    const value = after?.[key];
    if (value === before?.[key]) continue;
    const parents: Record<string, unknown>[] = [policy];
    for (const k of path.slice(0, -1)) {
      const parent = parents[parents.length - 1] ?? policy;
      const next = record(parent[k]);
      if (!next && value === undefined) break;
      const child = next ?? {};
      parent[k] = child;
      parents.push(child);
    }
    if (parents.length < path.length) continue;
    const leaf = parents[parents.length - 1] ?? policy;
    const last = path[path.length - 1] ?? key;
    if (value === undefined) delete leaf[last];
    else leaf[last] = value;
    for (let i = parents.length - 1; i > 0 && value === undefined; i--) {
      const child = parents[i];
      const parent = parents[i - 1];
      if (child && parent && Object.keys(child).length === 0) delete parent[path[i - 1] ?? ''];
    }
  }
  return policy;
}
