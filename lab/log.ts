/** Prints one lab progress line on stderr, so stdout stays free for data. */
export function say(message: string): void {
  process.stderr.write(`[lab] ${message}\n`);
}

/** Formats milliseconds as `1m05s` or `4.2s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
