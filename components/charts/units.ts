// Number and time formatting for charts: axis ticks, tooltips and the accessible summary. Pure.

import type { MetricUnit as ApiMetricUnit } from '@/lib/mesh/metrics/types';

/** How a chart's values read: the metrics API's units, and `cores` (CPU cores in use) for container resources. */
export type MetricUnit = ApiMetricUnit | 'cores';

/** Words for a unit, for screen readers and axis titles. */
export const UNIT_WORDS: Record<MetricUnit, string> = {
  rps: 'requests per second',
  percent: 'percent of requests',
  ms: 'milliseconds',
  bytes: 'bytes',
  Bps: 'bytes per second',
  cores: 'CPU cores',
};

/** `n` with at most `digits` significant digits and no trailing zeros: 1234.5 → 1230, 0.012345 → 0.0123. */
export function significant(n: number, digits = 3): string {
  // toPrecision rounds in decimal (no 0.30000000000000004); Number() drops its exponent form and trailing zeros.
  return String(Number(n.toPrecision(digits)));
}

const SI = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
] as const;

function withSi(n: number): string {
  for (const [size, suffix] of SI) if (Math.abs(n) >= size) return `${significant(n / size)}${suffix}`;
  return significant(n);
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

function binary(n: number): string {
  let value = n;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < BINARY.length - 1) {
    value /= 1024;
    i += 1;
  }
  return `${i === 0 ? String(Math.round(value)) : significant(value)} ${BINARY[i]}`;
}

function milliseconds(ms: number): string {
  if (Math.abs(ms) >= 60_000) return `${significant(ms / 60_000)} min`;
  if (Math.abs(ms) >= 1_000) return `${significant(ms / 1_000)} s`;
  return `${significant(ms)} ms`;
}

// A sidecar idles at a few thousandths of a core; millicores (Kubernetes' own unit for requests and limits) read better.
function cores(n: number): string {
  if (n === 0) return '0 cores';
  if (Math.abs(n) < 1) return `${significant(n * 1000)} millicores`;
  const text = significant(n);
  return `${text} ${text === '1' ? 'core' : 'cores'}`;
}

/**
 * A value with its unit, as a tooltip shows it: `12.3 rps`, `0.5%`, `1.25 s`, `1.5 KiB`, `3 MiB/s`,
 * `2.5 millicores`; null reads "no data".
 */
export function formatValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no data';
  switch (unit) {
    case 'rps':
      if (value > 0 && value < 0.001) return '<0.001 rps';
      return `${withSi(value)} rps`;
    case 'percent': {
      const pct = value * 100;
      if (pct > 0 && pct < 0.01) return '<0.01%';
      return `${significant(pct)}%`;
    }
    case 'ms':
      return milliseconds(value);
    case 'bytes':
      return binary(value);
    case 'Bps':
      return `${binary(value)}/s`;
    case 'cores':
      return cores(value);
  }
}

/** A shorter form for axis ticks: the same units, two significant digits. */
export function formatTick(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return unit === 'percent' ? '0%' : '0';
  switch (unit) {
    case 'rps':
      return Math.abs(value) >= 1000 ? withSi(value) : significant(value, 2);
    case 'percent':
      return `${significant(value * 100, 2)}%`;
    case 'cores':
      // Kubernetes' quantity notation: `250m` is a quarter of a core.
      return Math.abs(value) < 1 ? `${significant(value * 1000, 2)}m` : significant(value, 2);
    default:
      return formatValue(value, unit);
  }
}

/**
 * A time-axis tick for a chart spanning `spanSeconds`: `14:05` within a day, `Mon 14:00` within a week, `3 Jan`
 * beyond. `timeZone` is for tests; the browser's own zone otherwise.
 */
export function formatTimeTick(unixSeconds: number, spanSeconds: number, timeZone?: string): string {
  const date = new Date(unixSeconds * 1000);
  const zone = timeZone === undefined ? {} : { timeZone };
  const hm = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone } as const;
  if (spanSeconds <= 86_400) return new Intl.DateTimeFormat('en-GB', hm).format(date);
  if (spanSeconds <= 7 * 86_400) return new Intl.DateTimeFormat('en-GB', { weekday: 'short', ...hm }).format(date);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...zone }).format(date);
}

/** A full timestamp for a tooltip heading: `3 Jan 2026, 14:05:30`. */
export function formatInstant(unixSeconds: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(unixSeconds * 1000));
}
