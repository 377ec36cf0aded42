// How trace times read on screen. Pure.

/** A span or trace duration in microseconds, e.g. 850µs, 12.3ms, 1.25s, 2m 5s. */
export function formatDurationUs(us: number): string {
  if (us < 1000) return `${Math.round(us)}µs`;
  // Switch unit where three significant digits would round up to the next one (999.9ms reads 1s, not 1000ms).
  if (us < 999_500) return `${trim(us / 1000)}ms`;
  if (us < 59_500_000) return `${trim(us / 1e6)}s`;
  // Round to whole seconds first, so 59.9s past a minute carries into the minutes instead of reading 60s.
  const seconds = Math.round(us / 1e6);
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

// Three significant digits at most, without trailing zeros: 12.30 → 12.3.
function trim(n: number): string {
  return String(Number(n.toPrecision(3)));
}

/** Unix microseconds as a local date and time to the second. */
export function formatStartUs(us: number): string {
  return new Date(Math.floor(us / 1000)).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The text of a failed query's error, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Distinct, legible on light and dark backgrounds.
const PALETTE = ['#0284c7', '#7c3aed', '#059669', '#d97706', '#db2777', '#0d9488', '#4f46e5', '#65a30d', '#ea580c', '#9333ea'];

/** A stable colour per service name, so a service has the same colour on every trace. */
export function serviceColour(service: string): string {
  let h = 0;
  for (let i = 0; i < service.length; i++) h = (h * 31 + service.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] as string;
}

/** Evenly spaced labels along a time axis of `durationUs`: `count` gaps, so count + 1 ticks from 0 to the end. */
export function axisTicks(durationUs: number, count = 4): { percent: number; label: string }[] {
  return Array.from({ length: count + 1 }, (_, i) => ({ percent: (i / count) * 100, label: formatDurationUs((durationUs * i) / count) }));
}
