// Istio's duration strings (`timeout`, `fixedDelay`, `perTryTimeout`, outlier detection intervals). Pure.
//
// Istio's reference documents the format as `1h/1m/1s/1ms` and requires at least 1ms: a sequence of decimal numbers,
// each with one of those units (`2m30s`, `1.5s`, `100ms`). Anything finer than a millisecond cannot be expressed, so
// it is refused rather than silently rounded by the proxy.

const UNIT_MS: Record<string, bigint> = { h: 3_600_000n, m: 60_000n, s: 1000n, ms: 1n };
const PART = /(\d+)(?:\.(\d+))?(ms|h|m|s)/y;

/** The duration in whole milliseconds, or undefined when the text is not an Istio duration or not whole ms. */
export function durationMs(text: string): number | undefined {
  if (text === '' || text.length > 32) return undefined;
  let total = 0n;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== start) return undefined;
    const unit = UNIT_MS[m[3] ?? ''] ?? 0n;
    const frac = m[2] ?? '';
    const scale = 10n ** BigInt(frac.length);
    const fracMs = BigInt(frac === '' ? '0' : frac) * unit;
    if (fracMs % scale !== 0n) return undefined;
    total += BigInt(m[1] ?? '0') * unit + fracMs / scale;
  }
  return Number(total);
}

/** Why a text is not an acceptable Istio duration, or undefined when it is. */
export function durationProblem(text: string): string | undefined {
  const ms = durationMs(text);
  if (ms === undefined) {
    return `"${text}" is not an Istio duration: write a number and a unit (h, m, s or ms) without spaces, such as 5s, 100ms, 1.5s or 2m30s, to the millisecond`;
  }
  return ms < 1 ? 'must be at least 1ms' : undefined;
}
