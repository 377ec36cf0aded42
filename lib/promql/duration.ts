import { PromqlError } from './errors';

/** A PromQL duration (range, offset), held as a whole positive number of seconds. */
export interface Duration {
  readonly kind: 'duration';
  readonly seconds: number;
}

const UNITS: readonly (readonly [suffix: string, seconds: number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/** A duration of `n` seconds; throws a {@link PromqlError} unless `n` is a positive safe integer. */
export function seconds(n: number): Duration {
  if (!Number.isSafeInteger(n) || n <= 0) throw new PromqlError(`invalid duration ${String(n)}s: must be a positive whole number of seconds`);
  return { kind: 'duration', seconds: n };
}

/** Renders a duration in the largest unit (d, h, m, s) that divides it evenly: 86400 → `1d`, 600 → `10m`, 90 → `90s`. */
export function formatDuration(d: Duration): string {
  const total = seconds(d.seconds).seconds;
  for (const [suffix, size] of UNITS) {
    if (total % size === 0) return String(total / size) + suffix;
  }
  // Unreachable: every whole number is divisible by 1.
  throw new PromqlError(`cannot format duration ${String(total)}`);
}
