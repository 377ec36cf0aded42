import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { span, summary } from './test-traces';
import { TraceHeader } from './trace-header';
import { TraceResults } from './trace-results';
import { TraceScatter } from './trace-scatter';
import { buildTraceTree, type SpanNode } from './trace-tree';
import { Waterfall } from './waterfall';
import { WaterfallRow } from './waterfall-row';

// Server-rendered markup: enough to check links, states and accessible names without a browser.
const noop = () => undefined;
const traces = [
  summary('aaaa000000000001', { rootService: 'frontend', rootOperation: 'GET /dispatch', startUs: 100, durationUs: 2500, spanCount: 7, errorCount: 0 }),
  summary('bbbb000000000002', { rootService: 'driver', rootOperation: 'FindNearest', startUs: 200, durationUs: 900, spanCount: 3, errorCount: 2 }),
];

describe('TraceResults', () => {
  it('links each row to its trace, marks errors and the sorted column', () => {
    const out = renderToStaticMarkup(<TraceResults traces={traces} sort="errors" onSort={noop} />);
    expect(out).toContain('href="/traces/aaaa000000000001"');
    expect(out).toContain('>frontend: GET /dispatch</a>');
    expect(out).toContain('>2.5ms<');
    expect(out).toMatch(/text-failure">2</);
    expect(out).not.toMatch(/text-failure">0</);
    expect(out.match(/aria-sort="descending"/g)).toHaveLength(1);
    expect(out).toMatch(/aria-sort="descending"[^>]*><button[^>]*>Errors/);
  });
});

describe('TraceScatter', () => {
  it('draws one named link per trace, red where it has errors', () => {
    const out = renderToStaticMarkup(<TraceScatter traces={traces} />);
    expect(out.match(/<a /g)).toHaveLength(2);
    expect(out).toMatch(/<a [^>]*href="\/traces\/bbbb000000000002"/);
    expect(out).toMatch(/aria-label="driver: FindNearest, [^"]*900µs, 2 errors"/);
    expect(out.match(/data-error="true"[^>]*fill-failure/g)).toHaveLength(1);
  });
});

describe('trace views', () => {
  const tree = buildTraceTree({
    traceId: 't1',
    spans: [span('r', undefined, 0, 100, { service: 'frontend.shop' }), span('c', 'r', 50, 50, { error: true, service: 'db.data' })],
  });

  it('the header sums up the trace and links to the graph of its namespaces', () => {
    const out = renderToStaticMarkup(<TraceHeader traceId="t1" tree={tree} onDownload={noop} />);
    expect(out).toContain('frontend.shop: op-r');
    expect(out).toContain('data-error-count="1"');
    expect(out).toContain('href="/graph?namespaces=data,shop"');
    expect(out).toContain('Download JSON');
  });

  it('a row places its bar, marks errors, and toggles only with children', () => {
    const row = (i: number, critical?: { spanId: string; startUs: number; endUs: number }[]) =>
      renderToStaticMarkup(
        <WaterfallRow tree={tree} node={tree.nodes[i] as SpanNode} collapsed={false} selected={false} critical={critical} match={false} rowIndex={i + 1} active={false} onToggle={noop} onSelect={noop} />,
      );
    const parent = row(0);
    expect(parent).toContain('aria-expanded="true" aria-label="Collapse op-r"');
    const child = row(1, [{ spanId: 'c', startUs: 60, endUs: 80 }]);
    expect(child).toContain('data-error="true"');
    expect(child).toContain('left:50%;width:max(50%, 1px)');
    expect(child).toContain('left:60%;width:max(20%, 1px)');
    expect(child).not.toContain('Collapse');
  });

  it('opens on a selected span: its row selected, its details with a link to it', () => {
    const out = renderToStaticMarkup(<Waterfall tree={tree} criticalPath={[]} selected="c" onSelect={noop} />);
    expect(out).toMatch(/aria-selected="true"[^>]*data-span-id="c"/);
    expect(out).toContain('aria-label="Span op-c"');
    expect(out).toMatch(/<a [^>]*href="\/traces\/t1\?span=c"[^>]*>Link to this span<\/a>/);
    expect(out).toContain('Copy link');
    expect(out).not.toContain('is not in this trace');
  });

  it('says when the selected span is not in the trace, and still shows every row', () => {
    const out = renderToStaticMarkup(<Waterfall tree={tree} criticalPath={[]} selected="zz" onSelect={noop} />);
    expect(out).toContain('Span <span class="font-mono">zz</span> is not in this trace.');
    expect(out.match(/role="row"/g)).toHaveLength(2);
    expect(out).not.toContain('Link to this span');
  });

  it('draws a minimap named for its rows and the rows in view', () => {
    const out = renderToStaticMarkup(<Waterfall tree={tree} criticalPath={[]} selected={null} onSelect={noop} />);
    expect(out).toMatch(/role="img" aria-label="Minimap of 2 spans; rows 1–2 in view"/);
    expect(out).toContain('<canvas');
  });
});
