// An item's health with its reasons in words: inbound request health (lib/mesh/health.ts) and, for workloads and
// apps, replica availability (DESIGN §5). Pure.

import type { Health } from '../graph/types';
import { addRequests, emptyTally, mergeTally, requestFindings, worstHealth, type ErrorClass, type HealthThresholds, type RequestTally } from '../health';
import { isFailure } from '../metrics/series';
import type { Replicas } from './objects';
import type { HealthReport } from './types';

/** Inbound requests of an item, as the destination's proxy reported them (rates, per second). */
export interface Traffic {
  tally: RequestTally;
  /** Requests that failed as the graph counts them (5xx, no response, gRPC status 1–16), each once. */
  failed: number;
  /** Requests over mutual TLS. */
  mtls: number;
}

/** One thing that bears on an item's health, with the words that explain it. */
export interface Finding {
  health: Health;
  reason?: string;
}

/** Traffic without requests, to add to. */
export function emptyTraffic(): Traffic {
  return { tally: emptyTally(), failed: 0, mtls: 0 };
}

/** Adds one sample of `istio_requests_total` rates, keyed by its outcome and security labels. */
export function addSample(t: Traffic, labels: Record<string, string>, rate: number): void {
  addRequests(t.tally, labels, rate);
  if (isFailure(labels)) t.failed += rate;
  if (labels.connection_security_policy === 'mutual_tls') t.mtls += rate;
}

/** Adds one item's traffic into another's (an app's from its workloads'). */
export function mergeTraffic(into: Traffic, from: Traffic): void {
  mergeTally(into.tally, from.tally);
  into.failed += from.failed;
  into.mtls += from.mtls;
}

const RULE_WORDS: Record<ErrorClass, string> = { http5xx: '5xx', http4xx: '4xx', grpcOrNoResponse: 'gRPC errors or no response' };

/** A share as people read it: `12 %`, `2.5 %`, `0.043 %` (two significant digits below 10 %). */
export function percent(share: number): string {
  const pct = share * 100;
  const text = pct >= 10 || pct === 0 ? String(Math.round(pct)) : String(Number(pct.toPrecision(2)));
  return `${text} %`;
}

/** Request health of some traffic: one finding per error class that is not healthy, or `na` without requests. */
export function trafficFindings(t: Traffic, thresholds: HealthThresholds): Finding[] {
  if (!(t.tally.total > 0)) return [{ health: 'na', reason: 'no inbound requests' }];
  return requestFindings(t.tally, thresholds).map((f): Finding => {
    if (f.health === 'failure') return { health: 'failure', reason: `${RULE_WORDS[f.rule]} ${percent(f.share)} ≥ ${percent(f.threshold.failure)}` };
    if (f.health === 'degraded') {
      return { health: 'degraded', reason: `${RULE_WORDS[f.rule]} ${percent(f.share)} ${f.threshold.inclusive ? '≥' : '>'} ${percent(f.threshold.degraded)}` };
    }
    return { health: f.health };
  });
}

/**
 * Replica health (DESIGN §5): none available of some desired fails, fewer than desired degrades, none desired
 * has no opinion. `owner` prefixes the reason when several workloads are judged together (an app).
 */
export function replicasFinding(r: Replicas, owner?: string): Finding {
  const prefix = owner ? `${owner}: ` : '';
  const plural = r.desired === 1 ? 'replica' : 'replicas';
  if (r.desired <= 0) return { health: 'na', reason: `${prefix}scaled to 0 replicas` };
  if (r.available <= 0) return { health: 'failure', reason: `${prefix}0 of ${r.desired} ${plural} available` };
  if (r.available < r.desired) return { health: 'degraded', reason: `${prefix}${r.available} of ${r.desired} ${plural} available` };
  return { health: 'healthy' };
}

/**
 * The worst of the findings, with the reasons that explain it: every degraded or failing finding, or, when
 * nothing could be judged, why not. Healthy items carry no reasons.
 */
export function healthReport(t: Traffic, findings: readonly Finding[]): HealthReport {
  const health = worstHealth(...findings.map((f) => f.health));
  const explaining = health === 'na' ? findings : findings.filter((f) => f.health === 'degraded' || f.health === 'failure');
  return {
    health,
    inRps: t.tally.total,
    inErrorRate: t.tally.total > 0 ? t.failed / t.tally.total : null,
    reasons: health === 'healthy' ? [] : [...new Set(explaining.flatMap((f) => (f.reason ? [f.reason] : [])))],
  };
}
