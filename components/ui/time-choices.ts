// The look-back periods and refresh intervals every page offers, so the graph, the lists and the detail pages
// speak the same durations. Pure.

/** Periods to look back over, shortest first. A page offers those its API accepts (the graph stops at 1d). */
export const ALL_DURATIONS = [
  { seconds: 60, label: '1m' },
  { seconds: 300, label: '5m' },
  { seconds: 600, label: '10m' },
  { seconds: 1800, label: '30m' },
  { seconds: 3600, label: '1h' },
  { seconds: 10800, label: '3h' },
  { seconds: 21600, label: '6h' },
  { seconds: 43200, label: '12h' },
  { seconds: 86400, label: '1d' },
  { seconds: 604800, label: '7d' },
] as const;

export type DurationChoice = (typeof ALL_DURATIONS)[number];

/** The durations up to `maxSeconds`. */
export function durationsUpTo(maxSeconds: number): readonly DurationChoice[] {
  return ALL_DURATIONS.filter((d) => d.seconds <= maxSeconds);
}

/** How often a page refetches; 0 pauses. */
export const REFRESH_INTERVALS = [
  { seconds: 0, label: 'Pause' },
  { seconds: 10, label: '10s' },
  { seconds: 30, label: '30s' },
  { seconds: 60, label: '1m' },
  { seconds: 300, label: '5m' },
] as const;

/** Short label of a duration in seconds, e.g. 300 → "5m"; seconds when it is not a choice. */
export function durationLabel(seconds: number): string {
  return ALL_DURATIONS.find((d) => d.seconds === seconds)?.label ?? `${seconds}s`;
}
