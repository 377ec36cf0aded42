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

/** Health of traffic by its error shares; `na` when there was none. */
export function requestHealth(tally: RequestTally, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): Health {
  if (!(tally.total > 0)) return 'na';
  return worstHealth(
    judge(tally.http5xx / tally.total, thresholds.http5xx),
    judge(tally.http4xx / tally.total, thresholds.http4xx),
    judge(tally.grpcOrNoResponse / tally.total, thresholds.grpcOrNoResponse),
  );
}
