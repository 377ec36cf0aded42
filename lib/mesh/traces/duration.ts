// Go's time.ParseDuration grammar, which Jaeger's api/v3 reads for query.duration_min/max: a sequence of decimal
// numbers with units (`1h30m`, `1.5s`, `250us`). Held in nanoseconds, like Go; a day is not a Go unit, so `d` is
// accepted only where the caller asks for it (look-back windows).
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DAY_NS = 86_400e9;

/** The longest duration Go can represent, in nanoseconds (2^63 - 1, as a float). */
export const MAX_GO_DURATION_NS = 9_223_372_036_854_775_807;

/** Nanoseconds of a Go-style duration (`100ms`, `1.5s`, `1h30m`); undefined when it is not one, is negative or exceeds Go's range. */
export function parseGoDuration(text: string, allowDays = false): number | undefined {
  const s = text.trim();
  if (s === '' || s === '0') return s === '0' ? 0 : undefined;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/y;
  let total = 0;
  let at = 0;
  while (at < s.length) {
    part.lastIndex = at;
    const m = part.exec(s);
    if (!m?.[1] || !m[2]) return undefined;
    const unit = m[2] === 'd' ? (allowDays ? DAY_NS : undefined) : UNIT_NS[m[2]];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    at = part.lastIndex;
  }
  // Go's durations are int64 nanoseconds (about 292 years); anything longer is refused there, so refuse it here.
  return Number.isFinite(total) && total <= MAX_GO_DURATION_NS ? Math.round(total) : undefined;
}

/** Renders nanoseconds the way Go's ParseDuration reads them back exactly. */
export function formatGoDuration(ns: number): string {
  return `${Math.round(ns)}ns`;
}
