import { describe, expect, it } from 'vitest';
import { sortTraces, type ResultSort } from './result-sort';
import { summary } from './test-traces';

const traces = [
  summary('a', { startUs: 10, durationUs: 5, spanCount: 3, errorCount: 0 }),
  summary('b', { startUs: 30, durationUs: 50, spanCount: 1, errorCount: 2 }),
  summary('c', { startUs: 20, durationUs: 50, spanCount: 9, errorCount: 0 }),
];

describe('sortTraces', () => {
  it.each<[ResultSort, string[]]>([
    ['recent', ['b', 'c', 'a']],
    // b and c tie on duration: the more recent (b) first.
    ['longest', ['b', 'c', 'a']],
    ['spans', ['c', 'a', 'b']],
    // a and c tie on no errors: c is more recent.
    ['errors', ['b', 'c', 'a']],
  ])('%s', (sort, expected) => {
    expect(sortTraces(traces, sort).map((t) => t.traceId)).toEqual(expected);
  });

  it('does not change its input', () => {
    sortTraces(traces, 'spans');
    expect(traces.map((t) => t.traceId)).toEqual(['a', 'b', 'c']);
  });
});
