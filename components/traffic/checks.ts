// Field checks the traffic forms share, mirroring what the server and Istio accept. Pure.

import { durationMs } from '@/lib/mesh/traffic/durations';
import type { FieldError } from '@/lib/mesh/traffic/types';

export type { FieldError };

/** Problems of a form by field path (`routes[1].weight`), one message each: the first found wins. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The errors of a list by field; a later message for the same field does not replace the first. */
export function byField(errors: readonly FieldError[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

/**
 * Why a duration field is wrong, or undefined when it holds a duration of at least 1 ms (Istio's minimum). Read by
 * the server's own parser (lib/mesh/traffic/durations.ts), so the form accepts exactly what the server does.
 */
export function durationProblem(text: string): string | undefined {
  const ms = durationMs(text.trim());
  if (ms === undefined) return 'Enter a duration such as 5s, 250ms or 1m30s.';
  if (ms < 1) return 'Must be at least 1ms.';
  return undefined;
}

/** A whole number typed into a field, or undefined when the text is not one. */
export function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Why a whole-number field is wrong, or undefined when it holds one from `min` to `max`. */
export function wholeProblem(text: string, min: number, max = Number.MAX_SAFE_INTEGER): string | undefined {
  const n = wholeNumber(text);
  if (n === undefined || n < min || n > max) {
    return max === Number.MAX_SAFE_INTEGER ? `Enter a whole number of at least ${min}.` : `Enter a whole number from ${min} to ${max}.`;
  }
  return undefined;
}

/** A percentage typed into a field (decimals allowed), or undefined when the text is not a number. */
export function percentValue(text: string): number | undefined {
  const t = text.trim();
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** Why a percentage field is wrong, or undefined when it holds a number from 0 to 100. */
export function percentProblem(text: string): string | undefined {
  const n = percentValue(text);
  return n === undefined || n > 100 ? 'Enter a percentage from 0 to 100.' : undefined;
}

/** Collects a field's problem, when it has one. */
export function check(out: FieldError[], field: string, problem: string | undefined): void {
  if (problem !== undefined) out.push({ field, message: problem });
}
