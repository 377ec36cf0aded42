// How finely a chart is sampled and how far back each sample's rate looks. Pure.

/** Prometheus refuses a range query with more than this many steps per series (`exceeded maximum resolution`). */
export const MAX_POINTS = 11_000;

/** Automatic steps aim at no more than this many points: enough for a chart as wide as a screen. */
export const TARGET_POINTS = 120;

/**
 * Prometheus' own default `scrape_interval`, assumed when the server does not tell us its configuration (stores
 * such as Thanos or Mimir have no `/api/v1/status/config`). Assuming too long an interval only smooths a chart;
 * assuming too short a one would leave rate() windows with a single sample, i.e. gaps that are not real.
 */
export const DEFAULT_SCRAPE_INTERVAL_SECONDS = 60;

// Steps people read easily; consecutive ones differ by at most 2×, so an automatic step gives 60–120 points.
const NICE_STEPS = [
  1, 2, 5, 10, 15, 20, 30, 60, 90, 120, 180, 240, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400,
];

const PROM_UNITS: Record<string, number> = { y: 31_536_000, w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1, ms: 0.001 };

/** Seconds in a Prometheus duration such as `15s`, `1m30s` or `500ms`; undefined when it is not one. */
export function parsePrometheusDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(ms|[ywdhms]))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, n, unit] of trimmed.matchAll(/(\d+)(ms|[ywdhms])/g)) total += Number(n) * (PROM_UNITS[unit ?? ''] ?? NaN);
  return Number.isFinite(total) && total > 0 ? total : undefined;
}

/** The scrape interval to plan with, from the server's `scrape_interval` text; the default when absent or unreadable. */
export function scrapeIntervalOf(text: string | undefined): { seconds: number; known: boolean } {
  const seconds = text === undefined ? undefined : parsePrometheusDuration(text);
  return seconds === undefined ? { seconds: DEFAULT_SCRAPE_INTERVAL_SECONDS, known: false } : { seconds, known: true };
}

/** How many points a range query of `durationSeconds` at `stepSeconds` evaluates (Prometheus counts both ends). */
export function pointCount(durationSeconds: number, stepSeconds: number): number {
  return Math.floor(durationSeconds / stepSeconds) + 1;
}

/**
 * The step for a duration when the caller gave none: the smallest readable step giving at most
 * {@link TARGET_POINTS} points, and never finer than the scrape interval, below which points only repeat samples.
 */
export function autoStep(durationSeconds: number, scrapeIntervalSeconds: number): number {
  const floor = Math.max(Math.ceil(scrapeIntervalSeconds), durationSeconds / TARGET_POINTS);
  return NICE_STEPS.find((s) => s >= floor) ?? Math.ceil(floor);
}

/**
 * Seconds each point's rate() looks back: the step plus one scrape, so consecutive windows overlap and no counter
 * increase falls between two points, and at least four scrapes, so a late or failed scrape still leaves rate() the
 * two samples it needs (the reasoning behind Grafana's `$__rate_interval`). Always at least twice the interval.
 */
export function rateWindowSeconds(stepSeconds: number, scrapeIntervalSeconds: number): number {
  return Math.ceil(Math.max(stepSeconds + scrapeIntervalSeconds, 4 * scrapeIntervalSeconds));
}

/** The instants a range query evaluates: `count` points `step` seconds apart, the last at `end` (Unix seconds). */
export interface TimeGrid {
  start: number;
  end: number;
  step: number;
  count: number;
}

/**
 * The grid of a chart ending at `endSeconds`. The end is rounded down to a multiple of the step so a refresh
 * evaluates the same instants as the one before (points do not wobble); the newest point is thus at most one step old.
 */
export function timeGrid(endSeconds: number, durationSeconds: number, stepSeconds: number): TimeGrid {
  const end = Math.floor(endSeconds / stepSeconds) * stepSeconds;
  const count = pointCount(durationSeconds, stepSeconds);
  return { start: end - (count - 1) * stepSeconds, end, step: stepSeconds, count };
}
