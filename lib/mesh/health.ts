import type { Health } from './graph/types';

/** Request rates (or counts) of one direction of traffic, split the way health rules look at them. */
export interface RequestTally {
  total: number;
  http5xx: number;
  http4xx: number;
  /** gRPC statuses 1–16 and requests that got no response at all (code 0). */
  grpcOrNoResponse: number;
}

/** A share at or above `failure` fails; a share above `degraded` (or at it, when `inclusive`) degrades. */
export interface Threshold {
  degraded: number;
  failure: number;
  /** Whether reaching `degraded` exactly already degrades (Kiali: yes for 4xx, no for 5xx where it is 0). */
  inclusive: boolean;
}

export interface HealthThresholds {
  http5xx: Threshold;
  http4xx: Threshold;
  grpcOrNoResponse: Threshold;
}

/** Kiali's default tolerances (DESIGN §5): 5xx degrades above 0 % and fails at 10 %; 4xx at 10 % and 20 %. */
export const DEFAULT_THRESHOLDS: HealthThresholds = {
  http5xx: { degraded: 0, failure: 0.1, inclusive: false },
  http4xx: { degraded: 0.1, failure: 0.2, inclusive: true },
  grpcOrNoResponse: { degraded: 0, failure: 0.1, inclusive: false },
};

const RANK: Record<Health, number> = { na: 0, healthy: 1, degraded: 2, failure: 3 };

/** The worst of several health states (failure > degraded > healthy > na). */
export function worstHealth(...states: Health[]): Health {
  return states.reduce<Health>((worst, h) => (RANK[h] > RANK[worst] ? h : worst), 'na');
}

function judge(share: number, t: Threshold): Health {
  if (share >= t.failure) return 'failure';
  if (t.inclusive ? share >= t.degraded : share > t.degraded) return 'degraded';
  return 'healthy';
}

/** The error classes the health rules judge, each against its own threshold. */
export type ErrorClass = keyof HealthThresholds;

/** How one error class of some traffic was judged: its share of all requests and the threshold it was held to. */
export interface RuleFinding {
  rule: ErrorClass;
  share: number;
  health: Health;
  threshold: Threshold;
}

/** Each error class judged on its own, in a fixed order (5xx, 4xx, gRPC/no response); empty without traffic. */
export function requestFindings(tally: RequestTally, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): RuleFinding[] {
  if (!(tally.total > 0)) return [];
  return (['http5xx', 'http4xx', 'grpcOrNoResponse'] as const).map((rule) => {
    const share = tally[rule] / tally.total;
    return { rule, share, health: judge(share, thresholds[rule]), threshold: thresholds[rule] };
  });
}

/** Health of traffic by its error shares; `na` when there was none. */
export function requestHealth(tally: RequestTally, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): Health {
  if (!(tally.total > 0)) return 'na';
  return worstHealth(...requestFindings(tally, thresholds).map((f) => f.health));
}

/** A tally without requests, to add to. */
export function emptyTally(): RequestTally {
  return { total: 0, http5xx: 0, http4xx: 0, grpcOrNoResponse: 0 };
}

/**
 * Adds `rate` requests with Istio's outcome labels (`request_protocol`, `response_code`, `grpc_response_status`) to
 * a tally: 5xx and 4xx by HTTP code, and gRPC statuses 1–16 or no response at all (code 0) as the third class.
 */
export function addRequests(tally: RequestTally, labels: Record<string, string>, rate: number): void {
  const code = Number(labels.response_code ?? '200');
  const grpcStatus = labels.grpc_response_status ?? '';
  const grpcError = labels.request_protocol === 'grpc' && grpcStatus !== '' && grpcStatus !== '0';
  tally.total += rate;
  if (code >= 500) tally.http5xx += rate;
  if (code >= 400 && code < 500) tally.http4xx += rate;
  if (grpcError || (labels.request_protocol !== 'tcp' && code === 0)) tally.grpcOrNoResponse += rate;
}

/** Adds one tally into another. */
export function mergeTally(into: RequestTally, from: RequestTally): void {
  into.total += from.total;
  into.http5xx += from.http5xx;
  into.http4xx += from.http4xx;
  into.grpcOrNoResponse += from.grpcOrNoResponse;
}
