// Which DestinationRule a client's sidecar applies to a host, and what it says about subsets and upstream
// policy: pilot's `PushContext.destinationRule` lookup and `MergeSubsetTrafficPolicy`, without exportTo.

import {
  compareByAge,
  configKey,
  hostMatchSpecificity,
  namespaceOfHost,
  parseDurationMs,
  resolveHost,
  type DestinationRule,
  type MeshConfig,
  type TlsMode,
  type TrafficPolicy,
} from './istio-config';

/** The merged DestinationRule a client applies to a host: several rules for one host in one namespace merge. */
interface AppliedRule {
  /** `namespace/name` of the rules merged, oldest first. */
  from: string[];
  trafficPolicy?: TrafficPolicy;
  subsets: NonNullable<DestinationRule['spec']['subsets']>;
}

/**
 * The rule Istio applies for `host` from a client in `clientNamespace`: the most specific host match among rules in
 * the client's namespace, else in the service's namespace, else in the root namespace. A client in the root
 * namespace (the ingress gateway) skips the first step, as pilot does. Rules with a `workloadSelector` are left out.
 */
function appliedRule(config: MeshConfig, clientNamespace: string, host: string): AppliedRule | undefined {
  const order: string[] = [];
  if (clientNamespace !== config.rootNamespace) order.push(clientNamespace);
  const serviceNamespace = namespaceOfHost(host);
  if (serviceNamespace) order.push(serviceNamespace);
  order.push(config.rootNamespace);
  for (const ns of order) {
    const found = mostSpecificRules(config.destinationRules, ns, host);
    if (found.length > 0) return merge(found);
  }
  return undefined;
}

function mostSpecificRules(rules: DestinationRule[], namespace: string, host: string): DestinationRule[] {
  let best = Number.NEGATIVE_INFINITY;
  let out: DestinationRule[] = [];
  for (const dr of rules) {
    if (dr.metadata.namespace !== namespace || dr.spec.workloadSelector?.matchLabels) continue;
    const s = hostMatchSpecificity(resolveHost(dr.spec.host, dr.metadata.namespace), host);
    if (s === undefined || s < best) continue;
    if (s > best) out = [];
    best = s;
    out.push(dr);
  }
  return out.sort(compareByAge);
}

// Pilot's `mergeDestinationRule`: later rules only add subsets with new names, and a top-level policy if none yet.
function merge(rules: DestinationRule[]): AppliedRule {
  const out: AppliedRule = { from: [], subsets: [] };
  for (const dr of rules) {
    out.from.push(configKey(dr));
    out.trafficPolicy ??= dr.spec.trafficPolicy;
    for (const subset of dr.spec.subsets ?? []) {
      if (!out.subsets.some((s) => s.name === subset.name)) out.subsets.push(subset);
    }
  }
  return out;
}

/**
 * Labels of `subset` of `host`, from the DestinationRule a client in `clientNamespace` applies. `undefined` when no
 * rule applies or it lacks the subset: Envoy then has no such cluster and answers 503 with response flag `NR`.
 */
export function subsetLabels(config: MeshConfig, clientNamespace: string, host: string, subset: string): Record<string, string> | undefined {
  const rule = appliedRule(config, clientNamespace, host);
  const found = rule?.subsets.find((s) => s.name === subset);
  return found ? { ...(found.labels ?? {}) } : undefined;
}

/** Upstream settings a client applies to one destination, with Istio's defaults filled in where Istio has them. */
export interface TrafficPolicyDecision {
  tlsMode?: TlsMode;
  outlierDetection?: {
    /** 0 disables the 5xx rule. */
    consecutive5xxErrors: number;
    consecutiveGatewayErrors?: number;
    intervalMs: number;
    baseEjectionTimeMs: number;
    maxEjectionPercent: number;
  };
  connectionPool?: {
    http?: { http1MaxPendingRequests?: number; http2MaxRequests?: number; maxRequestsPerConnection?: number };
    tcp?: { maxConnections?: number };
  };
  /** `namespace/name` of the DestinationRule(s) that decided, oldest first. */
  decidedBy?: string[];
}

type PolicyFields = Pick<TrafficPolicy, 'connectionPool' | 'outlierDetection' | 'tls'>;

/**
 * Pilot's `GetPortLevelTrafficPolicy`: a `portLevelSettings` entry for the port replaces the level's policy whole,
 * so fields it omits fall back to Envoy's defaults rather than to the level's own settings.
 */
function atPort(policy: TrafficPolicy | undefined, port: number | undefined): { policy?: PolicyFields; portLevel: boolean } {
  const p = port === undefined ? undefined : policy?.portLevelSettings?.find((s) => s.port?.number === port);
  if (p) return { policy: { connectionPool: p.connectionPool, outlierDetection: p.outlierDetection, tls: p.tls }, portLevel: true };
  return { policy, portLevel: false };
}

/**
 * The traffic policy a client in `clientNamespace` applies to `host` (and `subset`, `port`): pilot's
 * `MergeSubsetTrafficPolicy`, where each of tls, outlierDetection and connectionPool set on the subset replaces the
 * top-level one, and a subset's port-level entry replaces all of them.
 */
export function trafficPolicyFor(
  config: MeshConfig,
  clientNamespace: string,
  host: string,
  subset?: string,
  port?: number,
): TrafficPolicyDecision {
  const rule = appliedRule(config, clientNamespace, host);
  if (!rule) return {};
  const top = atPort(rule.trafficPolicy, port).policy;
  const subsetPolicy = subset === undefined ? undefined : rule.subsets.find((s) => s.name === subset)?.trafficPolicy;
  let merged: PolicyFields = { ...top };
  if (subsetPolicy) {
    const sub = atPort(subsetPolicy, port);
    const override = <K extends keyof PolicyFields>(k: K) => sub.portLevel || sub.policy?.[k] !== undefined;
    merged = {
      connectionPool: override('connectionPool') ? sub.policy?.connectionPool : merged.connectionPool,
      outlierDetection: override('outlierDetection') ? sub.policy?.outlierDetection : merged.outlierDetection,
      tls: override('tls') ? sub.policy?.tls : merged.tls,
    };
  }
  const out: TrafficPolicyDecision = { decidedBy: rule.from };
  // The proto's zero value: a `tls` block without `mode` means DISABLE.
  if (merged.tls) out.tlsMode = merged.tls.mode ?? 'DISABLE';
  if (merged.outlierDetection) out.outlierDetection = outlierDetectionOf(merged.outlierDetection);
  const pool = connectionPoolOf(merged.connectionPool);
  if (pool) out.connectionPool = pool;
  return out;
}

/** Envoy's outlier-detection defaults as Istio configures them: 5 consecutive 5xx, 10 s, 30 s, 10 %. */
export const OUTLIER_DEFAULTS = Object.freeze({ consecutive5xxErrors: 5, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 10 });

function outlierDetectionOf(od: NonNullable<TrafficPolicy['outlierDetection']>): NonNullable<TrafficPolicyDecision['outlierDetection']> {
  const out: NonNullable<TrafficPolicyDecision['outlierDetection']> = {
    consecutive5xxErrors: od.consecutive5xxErrors ?? OUTLIER_DEFAULTS.consecutive5xxErrors,
    intervalMs: durationOr(od.interval, OUTLIER_DEFAULTS.intervalMs),
    baseEjectionTimeMs: durationOr(od.baseEjectionTime, OUTLIER_DEFAULTS.baseEjectionTimeMs),
    maxEjectionPercent: od.maxEjectionPercent && od.maxEjectionPercent > 0 ? od.maxEjectionPercent : OUTLIER_DEFAULTS.maxEjectionPercent,
  };
  if (od.consecutiveGatewayErrors) out.consecutiveGatewayErrors = od.consecutiveGatewayErrors;
  // The deprecated `consecutiveErrors` counts gateway errors only and switches the 5xx rule off (istio/api#617).
  if (od.consecutiveErrors && od.consecutiveErrors > 0) {
    out.consecutiveGatewayErrors = od.consecutiveErrors;
    out.consecutive5xxErrors = 0;
  }
  return out;
}

function durationOr(text: string | undefined, fallback: number): number {
  const ms = text === undefined ? undefined : parseDurationMs(text);
  return ms === undefined || ms <= 0 ? fallback : ms;
}

function connectionPoolOf(pool: TrafficPolicy['connectionPool']): TrafficPolicyDecision['connectionPool'] {
  if (!pool) return undefined;
  const out: NonNullable<TrafficPolicyDecision['connectionPool']> = {};
  const http = pool.http && pickDefined(pool.http, ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection']);
  if (http) out.http = http;
  const tcp = pool.tcp && pickDefined(pool.tcp, ['maxConnections']);
  if (tcp) out.tcp = tcp;
  return out.http || out.tcp ? out : undefined;
}

function pickDefined<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> | undefined {
  const out: Partial<Pick<T, K>> = {};
  let any = false;
  for (const k of keys) {
    if (obj[k] !== undefined) {
      out[k] = obj[k];
      any = true;
    }
  }
  return any ? out : undefined;
}
