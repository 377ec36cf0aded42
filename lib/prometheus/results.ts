// Checks and maps what prometheus-query returns for instant and range queries into our own shapes. Pure.

import { z } from 'zod';

/** One series of an instant-query result. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
  timestamp: number;
}

// A large mesh's graph query returns tens of thousands of series. A generic schema over each label map cost more
// than parsing the JSON itself (about 60 ms per 20,000 series, copying every object); these guards check the same
// shape in place, a few ms for the same result.
function isLabelMap(x: unknown): x is Record<string, string> {
  if (typeof x !== 'object' || x === null) return false;
  for (const key in x) if (typeof (x as Record<string, unknown>)[key] !== 'string') return false;
  return true;
}

function isSample(x: unknown): x is { time: Date; value: number } {
  const s = x as { time?: unknown; value?: unknown } | null;
  return typeof s === 'object' && s !== null && s.time instanceof Date && typeof s.value === 'number';
}

const labelled = (x: unknown) => isLabelMap((x as { metric?: { labels?: unknown } } | null)?.metric?.labels);

const instantResult = z.object({
  resultType: z.literal('vector'),
  result: z.array(
    z.custom<{ metric: { labels: Record<string, string> }; value: { time: Date; value: number } }>(
      (x) => labelled(x) && isSample((x as { value?: unknown }).value),
    ),
  ),
});

/** One series of a range-query result: its labels and `[unixSeconds, value]` samples (NaN stays NaN). */
export interface RangeSeries {
  labels: Record<string, string>;
  values: [t: number, value: number][];
}

const rangeResult = z.object({
  resultType: z.literal('matrix'),
  result: z.array(
    z.custom<{ metric: { labels: Record<string, string> }; values: { time: Date; value: number }[] }>((x) => {
      const values = (x as { values?: unknown }).values;
      return labelled(x) && Array.isArray(values) && values.every(isSample);
    }),
  ),
});

/** An instant query's samples, or undefined when the driver's result is not a vector of labelled samples. */
export function readInstantResult(raw: unknown): InstantSample[] | undefined {
  const parsed = instantResult.safeParse(raw);
  if (!parsed.success) return undefined;
  return parsed.data.result.map((s) => ({ labels: s.metric.labels, value: s.value.value, timestamp: s.value.time.getTime() }));
}

/** A range query's series with `[unixSeconds, value]` samples, or undefined when the result is not a matrix. */
export function readRangeResult(raw: unknown): RangeSeries[] | undefined {
  const parsed = rangeResult.safeParse(raw);
  if (!parsed.success) return undefined;
  return parsed.data.result.map((s) => ({
    labels: s.metric.labels,
    values: s.values.map((v): [number, number] => [v.time.getTime() / 1000, v.value]),
  }));
}
