// Number formatting and quantiles for the waterfall benchmark's table. (graph-render.ts has the same three
// one-liners, but it is a script that runs its benchmark on import, so they cannot be imported from there.)

/** The q-quantile by nearest rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] ?? NaN;
}

export const ms = (v: number) => `${Math.round(v)} ms`.padStart(9);
// Three decimals: windowed against all-mounted at 50,000 rows is well under 0.01, which two would print as 0.00.
export const ratio = (v: number) => v.toFixed(3).padStart(7);
