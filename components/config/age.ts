// How old an object is, in the short form `kubectl get` uses. Pure.

const UNITS = [
  { seconds: 86_400, suffix: 'd' },
  { seconds: 3_600, suffix: 'h' },
  { seconds: 60, suffix: 'm' },
] as const;

/** Seconds between an RFC 3339 time and `nowMs`; undefined when the time is missing or unreadable. */
export function ageSeconds(createdAt: string | undefined, nowMs: number): number | undefined {
  if (!createdAt) return undefined;
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return undefined;
  // A clock a little behind the API server's must not show a negative age.
  return Math.max(0, Math.floor((nowMs - created) / 1000));
}

/** `45s`, `12m`, `5h`, `3d`: the largest whole unit; `—` when unknown. */
export function ageText(createdAt: string | undefined, nowMs: number): string {
  const s = ageSeconds(createdAt, nowMs);
  if (s === undefined) return '—';
  const unit = UNITS.find((u) => s >= u.seconds);
  return unit ? `${Math.floor(s / unit.seconds)}${unit.suffix}` : `${s}s`;
}
