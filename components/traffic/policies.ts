// The fault-injection, timeouts-and-retries and circuit-breaker forms. Pure.

import type { CircuitBreaker, FaultInjection, FieldError, Retries, TrafficModel } from '@/lib/mesh/traffic/types';
import { check, durationProblem, percentProblem, percentValue, wholeNumber, wholeProblem } from './checks';
import { editFrom, type SectionSpec } from './section-spec';

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

// ── Fault injection ────────────────────────────────────────────────────────────────────────────────────────────

export interface FaultForm {
  delayOn: boolean;
  delayPercent: string;
  fixedDelay: string;
  abortOn: boolean;
  abortPercent: string;
  httpStatus: string;
}

function initFault(model: TrafficModel): FaultForm {
  const { delay, abort } = model.fault ?? {};
  return {
    delayOn: delay !== undefined,
    delayPercent: text(delay?.percent ?? 100),
    fixedDelay: delay?.fixedDelay ?? '5s',
    abortOn: abort !== undefined,
    abortPercent: text(abort?.percent ?? 100),
    httpStatus: text(abort?.httpStatus ?? 503),
  };
}

function checkFault(f: FaultForm): FieldError[] {
  const out: FieldError[] = [];
  if (f.delayOn) {
    check(out, 'fault.delay.percent', percentProblem(f.delayPercent));
    check(out, 'fault.delay.fixedDelay', durationProblem(f.fixedDelay));
  }
  if (f.abortOn) {
    check(out, 'fault.abort.percent', percentProblem(f.abortPercent));
    check(out, 'fault.abort.httpStatus', wholeProblem(f.httpStatus, 200, 599) && 'Enter an HTTP status from 200 to 599.');
  }
  return out;
}

/** The fault as the edit carries it; undefined when neither delay nor abort is on. */
export function faultOf(f: FaultForm): FaultInjection | undefined {
  if (!f.delayOn && !f.abortOn) return undefined;
  return {
    ...(f.delayOn ? { delay: { percent: percentValue(f.delayPercent) ?? 0, fixedDelay: f.fixedDelay.trim() } } : {}),
    ...(f.abortOn ? { abort: { percent: percentValue(f.abortPercent) ?? 0, httpStatus: wholeNumber(f.httpStatus) ?? 0 } } : {}),
  };
}

export const faultSpec: SectionSpec<FaultForm> = {
  init: initFault,
  check: checkFault,
  toEdit: (form, model) => editFrom(model, { fault: faultOf(form) }),
};

// ── Timeouts and retries ───────────────────────────────────────────────────────────────────────────────────────

export interface TimeoutsForm {
  timeout: string;
  attempts: string;
  perTryTimeout: string;
  retryOn: string;
}

/** Envoy's usual retry conditions, offered as choices; others may be typed. */
export const RETRY_ON_CHOICES = ['5xx', 'gateway-error', 'reset', 'connect-failure', 'retriable-4xx', 'refused-stream', 'unavailable', 'cancelled'] as const;

/** The conditions of a comma list, trimmed, without empties. */
export function retryOnList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The comma list with `condition` added or taken out. */
export function toggleRetryOn(value: string, condition: string): string {
  const list = retryOnList(value);
  return (list.includes(condition) ? list.filter((c) => c !== condition) : [...list, condition]).join(',');
}

function initTimeouts(model: TrafficModel): TimeoutsForm {
  return { timeout: model.timeout ?? '', attempts: text(model.retries?.attempts), perTryTimeout: model.retries?.perTryTimeout ?? '', retryOn: model.retries?.retryOn ?? '' };
}

const RETRY_CONDITION = /^[A-Za-z0-9-]+$/;

function checkTimeouts(f: TimeoutsForm): FieldError[] {
  const out: FieldError[] = [];
  if (f.timeout.trim() !== '') check(out, 'timeout', durationProblem(f.timeout));
  const retrying = f.attempts.trim() !== '';
  if (retrying) check(out, 'retries.attempts', wholeProblem(f.attempts, 0));
  if (f.perTryTimeout.trim() !== '') check(out, 'retries.perTryTimeout', retrying ? durationProblem(f.perTryTimeout) : 'Set the number of attempts to retry at all.');
  const bad = retryOnList(f.retryOn).find((c) => !RETRY_CONDITION.test(c));
  if (f.retryOn.trim() !== '') {
    check(out, 'retries.retryOn', !retrying ? 'Set the number of attempts to retry at all.' : bad !== undefined ? `"${bad}" is not a retry condition (such as 5xx or connect-failure) or an HTTP status.` : undefined);
  }
  return out;
}

/** The retries as the edit carries them; undefined when no attempts are set. */
export function retriesOf(f: TimeoutsForm): Retries | undefined {
  const attempts = wholeNumber(f.attempts);
  if (attempts === undefined) return undefined;
  const retryOn = retryOnList(f.retryOn).join(',');
  return { attempts, ...(f.perTryTimeout.trim() ? { perTryTimeout: f.perTryTimeout.trim() } : {}), ...(retryOn ? { retryOn } : {}) };
}

export const timeoutsSpec: SectionSpec<TimeoutsForm> = {
  init: initTimeouts,
  check: checkTimeouts,
  toEdit: (form, model) => editFrom(model, { timeout: form.timeout.trim() || undefined, retries: retriesOf(form) }),
};

// ── Circuit breaker ────────────────────────────────────────────────────────────────────────────────────────────

export type CircuitForm = Record<keyof CircuitBreaker, string>;

/** The circuit breaker's fields in the form's order, each with what it takes. */
export const CIRCUIT_FIELDS: readonly { key: keyof CircuitBreaker; label: string; kind: 'count' | 'percent' | 'duration'; group: 'pool' | 'outlier' }[] = [
  { key: 'maxConnections', label: 'Max connections', kind: 'count', group: 'pool' },
  { key: 'http1MaxPendingRequests', label: 'Max pending requests', kind: 'count', group: 'pool' },
  { key: 'maxRequestsPerConnection', label: 'Max requests per connection', kind: 'count', group: 'pool' },
  { key: 'consecutive5xxErrors', label: 'Consecutive 5xx errors', kind: 'count', group: 'outlier' },
  { key: 'interval', label: 'Interval', kind: 'duration', group: 'outlier' },
  { key: 'baseEjectionTime', label: 'Base ejection time', kind: 'duration', group: 'outlier' },
  { key: 'maxEjectionPercent', label: 'Max ejection %', kind: 'percent', group: 'outlier' },
];

function initCircuit(model: TrafficModel): CircuitForm {
  const cb = model.circuitBreaker ?? {};
  return Object.fromEntries(CIRCUIT_FIELDS.map((f) => [f.key, String(cb[f.key] ?? '')])) as CircuitForm;
}

const PROBLEM = {
  count: (v: string) => wholeProblem(v, 1, 2 ** 31 - 1),
  percent: (v: string) => wholeProblem(v, 0, 100),
  duration: durationProblem,
};

function checkCircuit(f: CircuitForm): FieldError[] {
  const out: FieldError[] = [];
  for (const field of CIRCUIT_FIELDS) if (f[field.key].trim() !== '') check(out, `circuitBreaker.${field.key}`, PROBLEM[field.kind](f[field.key]));
  return out;
}

/** The circuit breaker as the edit carries it; undefined when every field is empty. */
export function circuitOf(f: CircuitForm): CircuitBreaker | undefined {
  const entries = CIRCUIT_FIELDS.filter((field) => f[field.key].trim() !== '').map((field) => [field.key, field.kind === 'duration' ? f[field.key].trim() : Number(f[field.key])]);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as CircuitBreaker);
}

export const circuitSpec: SectionSpec<CircuitForm> = {
  init: initCircuit,
  check: checkCircuit,
  toEdit: (form, model) => editFrom(model, { circuitBreaker: circuitOf(form) }),
};
