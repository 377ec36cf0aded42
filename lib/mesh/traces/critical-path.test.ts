import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path';
import { apiV3TracesResponse, tracesFromOtlp } from './otlp';
import type { Span, Trace } from './types';

// jaeger-ui's critical-path and trace-statistics inputs, in the Jaeger v1 shape (../shared/reference/SOURCES.md §1).
const REF = join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'jaeger-traces');

interface V1Span {
  spanID: string;
  references?: { refType: string; spanID: string }[];
  startTime: number;
  duration: number;
}

function fromV1(path: string): Trace {
  const json = JSON.parse(readFileSync(join(REF, path), 'utf8')) as { data?: { spans: V1Span[] }[]; spans?: V1Span[] };
  const spans = json.data?.[0]?.spans ?? json.spans ?? [];
  const base = Math.min(...spans.map((s) => s.startTime));
  return {
    traceId: 't',
    spans: spans.map((s): Span => {
      const parent = s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID;
      return {
        spanId: s.spanID,
        ...(parent !== undefined ? { parentSpanId: parent } : {}),
        traceId: 't',
        service: 's',
        operation: 'o',
        // Times relative to the trace start keep the expected tables readable.
        startUs: s.startTime - base,
        durationUs: s.duration,
        kind: 'internal',
        attributes: {},
        resourceAttributes: {},
        events: [],
        links: [],
        status: { code: 'unset' },
        error: false,
      };
    }),
  };
}

const seg = (spanId: string, startUs: number, endUs: number) => ({ spanId, startUs, endUs });
const ROOT = '006c3cf93508f205';

describe('criticalPath on jaeger-ui fixtures', () => {
  it.each([
    [
      'jaeger-v1-search-response/criticalpath-testTrace.api-traces.json',
      [seg('A', 0, 10), seg('B', 10, 30), seg('A', 30, 40), seg('C', 40, 50), seg('A', 50, 60), seg('D', 60, 90), seg('A', 90, 100)],
    ],
    // Children starting after the parent ended are dropped; the one inside it is on the path.
    ['jaeger-v1-ui-model/tableValuesTestTrace/traceWithOverlappingChildrenLongerThanParent.json', [seg(ROOT, 0, 15), seg('4570ab68826f43f9', 15, 25), seg(ROOT, 25, 40)]],
    ['jaeger-v1-ui-model/tableValuesTestTrace/traceWithSingleChildLongerThanParentAndStartsAfterParent.json', [seg(ROOT, 0, 40)]],
    // A child running past its parent is clipped to the parent's end and then covers the whole parent.
    ['jaeger-v1-ui-model/tableValuesTestTrace/traceWithTwoChildrenStartedAtTraceStart.json', [seg('2dc4b796e2127e32', 0, 36)]],
    // Of overlapping children only the last to finish counts; the others ended after it started.
    ['jaeger-v1-ui-model/tableValuesTestTrace/traceWithThreeShortOverlappingChildren.json', [seg(ROOT, 0, 13), seg('4570ab68826f43f9', 13, 19), seg(ROOT, 19, 36)]],
  ])('%s', (path, want) => expect(criticalPath(fromV1(path))).toEqual(want));
});

describe('criticalPath on the HotROD trace', () => {
  const [trace] = tracesFromOtlp(apiV3TracesResponse.parse(JSON.parse(readFileSync(join(REF, 'apiv3-otlp/hotrod-getTrace-response.json'), 'utf8'))).result);
  const path = criticalPath(trace!);

  it('tiles the root span without gaps or overlaps', () => {
    const root = trace!.spans.find((s) => s.parentSpanId === undefined)!;
    expect(path[0]!.startUs).toBe(root.startUs);
    expect(path.at(-1)!.endUs).toBe(root.startUs + root.durationUs);
    for (let i = 1; i < path.length; i++) expect(path[i]!.startUs).toBe(path[i - 1]!.endUs);
  });

  it('keeps each segment inside its own span', () => {
    const byId = new Map(trace!.spans.map((s) => [s.spanId, s]));
    for (const s of path) {
      const span = byId.get(s.spanId)!;
      expect(s.startUs).toBeGreaterThanOrEqual(span.startUs);
      expect(s.endUs).toBeLessThanOrEqual(span.startUs + span.durationUs);
    }
    expect(new Set(path.map((s) => s.spanId)).size).toBeGreaterThan(1);
  });
});

describe('criticalPath edge cases', () => {
  it('is empty without spans and survives a parent cycle', () => {
    expect(criticalPath({ traceId: 't', spans: [] })).toEqual([]);
    const cyclic = fromV1('jaeger-v1-search-response/criticalpath-testTrace.api-traces.json');
    cyclic.spans[1] = { ...cyclic.spans[1]!, parentSpanId: 'B' };
    expect(criticalPath(cyclic).map((s) => s.spanId)).not.toContain('B');
  });
});
