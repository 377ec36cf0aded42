import type { MeshConfig } from './istio-config';
import { connectionSecurity, peerAuthenticationMode, resolveRoute, subsetLabels, trafficPolicyFor, type RetryDecision } from './routing';
import { pickWeighted, type Uniform } from './sampling';
import { selects, type SimService, type SimWorkload, type RuntimeTopology } from './runtime-topology';

/** What the application asked for; headers and path drive VirtualService matches. */
export interface MeshRequest {
  headers: Record<string, string>;
  path: string;
  method: string;
  /** `namespace/name` of the Gateway for ingress traffic; undefined for sidecar traffic. */
  viaGateway?: string;
}

/** One try against one workload. */
export interface Attempt {
  code: number;
  durationMs: number;
}

export interface MeshCallResult {
  code: number;
  flags: string;
  durationMs: number;
  arrived: boolean;
  destination?: SimWorkload;
  mtls: boolean;
}

export interface MeshCallContext {
  config: MeshConfig;
  topology: RuntimeTopology;
  u: Uniform;
  nowMs: number;
}

/** Consecutive-error state per client and destination workload, as each Envoy cluster keeps it. */
const outliers = new Map<string, { consecutive: number; ejectedUntilMs: number }>();

/** Forgets outlier-detection state (tests start from a clean slate). */
export function resetOutlierState(): void {
  outliers.clear();
}

function retriable(attempt: Attempt, flags: string, retries: RetryDecision): boolean {
  const on = new Set(retries.retryOn);
  if (flags === 'UC') return on.has('connect-failure') || on.has('reset') || on.has('5xx');
  if (attempt.code >= 500 && on.has('5xx')) return true;
  if (on.has('retriable-status-codes') && retries.retriableStatusCodes.includes(attempt.code)) return true;
  return [502, 503, 504].includes(attempt.code) && on.has('gateway-error');
}

function joinFlags(...flags: string[]): string {
  const set = flags.filter((f) => f && f !== '-');
  return set.length ? set.join(',') : '-';
}

/** Whether a server accepts a plaintext connection from a client without a sidecar. */
export function routeAcceptsPlaintext(config: MeshConfig, w: SimWorkload, port: number): boolean {
  const mode = peerAuthenticationMode(config, w.ref.namespace, w.labels, port).mode;
  return connectionSecurity({ clientSidecar: false, serverSidecar: w.ref.sidecar, serverMode: mode }) !== 'rejected';
}

/**
 * A call from a sidecar: VirtualService route and weights, DestinationRule subset, fault injection, mTLS per
 * PeerAuthentication and DestinationRule, retries, per-try and overall timeouts, and outlier detection.
 */
export function routeMeshCall(
  ctx: MeshCallContext,
  client: SimWorkload,
  host: string,
  service: SimService | undefined,
  req: MeshRequest,
  serveAttempt: (w: SimWorkload, startMs: number, mtls: boolean) => Attempt,
): MeshCallResult {
  const { config, topology, u } = ctx;
  const port = service?.spec.port ?? 80;
  const route = resolveRoute(config, {
    sourceNamespace: client.ref.namespace,
    sourceLabels: client.labels,
    ...(req.viaGateway ? { viaGateway: req.viaGateway } : {}),
    host,
    port,
    headers: req.headers,
    path: req.path,
    method: req.method,
  });
  const fail = (code: number, flags: string, durationMs = 0.5): MeshCallResult => ({ code, flags, durationMs, arrived: false, mtls: false });
  if (route.directResponse) return fail(route.directResponse.status, route.directResponse.responseFlags);
  const pick = route.destinations[pickWeighted(route.destinations.map((d) => d.weight), u)];
  if (!pick) return fail(503, 'NC');
  const target = topology.services.get(pick.host);
  let candidates = target?.workloads ?? [];
  if (pick.subset) {
    const labels = subsetLabels(config, client.ref.namespace, pick.host, pick.subset);
    if (!labels) return fail(503, 'NR'); // Envoy has no cluster for a subset no DestinationRule defines
    candidates = candidates.filter((w) => selects(labels, w.labels));
  }

  const delay = route.fault?.delay && u() * 100 < route.fault.delay.percent ? route.fault.delay.fixedDelayMs : 0;
  const delayFlag = delay > 0 ? 'DI' : '-';
  const abort = route.fault?.abort;
  if (abort && u() * 100 < abort.percent) return fail(abort.httpStatus ?? 503, joinFlags(delayFlag, 'FI'), delay + 0.2);
  if (candidates.length === 0) return fail(503, joinFlags(delayFlag, 'UH'), delay + 0.5);

  const policy = trafficPolicyFor(config, client.ref.namespace, pick.host, pick.subset, port);
  const retries = route.retries;
  const maxAttempts = 1 + (retries?.attempts ?? 0);
  let elapsed = delay;
  let last: { attempt: Attempt; flags: string; w: SimWorkload; mtls: boolean; arrived: boolean } | undefined;
  for (let n = 0; n < maxAttempts; n++) {
    const w = chooseHost(ctx, client, candidates, policy.outlierDetection?.maxEjectionPercent ?? 100);
    const mode = peerAuthenticationMode(config, w.ref.namespace, w.labels, port).mode;
    const wire = connectionSecurity({ clientSidecar: true, clientTlsMode: policy.tlsMode, serverSidecar: w.ref.sidecar, serverMode: mode });
    let attempt: Attempt;
    let flags = '-';
    let arrived = false;
    if (wire === 'rejected') {
      attempt = { code: 503, durationMs: 1 };
      flags = 'UC';
    } else {
      attempt = serveAttempt(w, ctx.nowMs + elapsed, wire === 'mutual_tls');
      arrived = true;
      const perTry = retries?.perTryTimeoutMs;
      if (perTry !== undefined && attempt.durationMs > perTry) {
        attempt = { code: 504, durationMs: perTry };
        flags = 'UT';
      }
    }
    noteOutcome(ctx, client, w, attempt.code, policy.outlierDetection);
    elapsed += attempt.durationMs;
    last = { attempt, flags, w, mtls: wire === 'mutual_tls', arrived };
    if (!retries || !retriable(attempt, flags, retries)) break;
    if (n === maxAttempts - 1 && attempt.code >= 500) last.flags = joinFlags(flags, 'URX');
  }
  if (!last) return fail(503, 'UH');
  if (route.timeoutMs !== undefined && elapsed > route.timeoutMs) {
    return { code: 504, flags: joinFlags(delayFlag, 'UT'), durationMs: route.timeoutMs, arrived: last.arrived, destination: last.w, mtls: last.mtls };
  }
  return { code: last.attempt.code, flags: joinFlags(delayFlag, last.flags), durationMs: elapsed, arrived: last.arrived, destination: last.w, mtls: last.mtls };
}

function outlierKey(client: SimWorkload, w: SimWorkload): string {
  return `${client.ref.namespace}/${client.ref.workload}>${w.ref.namespace}/${w.ref.workload}`;
}

/** Uniform choice among hosts that are not ejected; Envoy ignores ejections when too many are out (panic). */
function chooseHost(ctx: MeshCallContext, client: SimWorkload, candidates: SimWorkload[], maxEjectionPercent: number): SimWorkload {
  const healthy = candidates.filter((w) => (outliers.get(outlierKey(client, w))?.ejectedUntilMs ?? 0) <= ctx.nowMs);
  const ejectedShare = (candidates.length - healthy.length) / candidates.length;
  const pool = healthy.length > 0 && ejectedShare * 100 <= maxEjectionPercent ? healthy : candidates;
  return pool[Math.floor(ctx.u() * pool.length)] ?? (candidates[0] as SimWorkload);
}

function noteOutcome(ctx: MeshCallContext, client: SimWorkload, w: SimWorkload, code: number, od: { consecutive5xxErrors: number; baseEjectionTimeMs: number } | undefined): void {
  if (!od) return;
  const key = outlierKey(client, w);
  const state = outliers.get(key) ?? { consecutive: 0, ejectedUntilMs: 0 };
  state.consecutive = code >= 500 ? state.consecutive + 1 : 0;
  if (od.consecutive5xxErrors > 0 && state.consecutive >= od.consecutive5xxErrors) {
    state.ejectedUntilMs = ctx.nowMs + od.baseEjectionTimeMs;
    state.consecutive = 0;
  }
  outliers.set(key, state);
}
