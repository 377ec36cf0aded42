import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChartSeries } from './chart-model';
import { MetricChart } from './metric-chart';

// Server-rendered markup: enough to check the states and the accessible structure without a browser.
const series: ChartSeries[] = [
  { name: '2xx', points: [[1_700_000_000, 10], [1_700_000_010, null], [1_700_000_020, 12]], tone: 'ok' },
  { name: '5xx', points: [[1_700_000_000, 0.5], [1_700_000_010, null], [1_700_000_020, 1]], tone: 'error' },
];
const html = (props: Partial<Parameters<typeof MetricChart>[0]> = {}) => renderToStaticMarkup(<MetricChart title="Request rate" series={series} unit="rps" {...props} />);

describe('MetricChart', () => {
  it('shows the error, even while loading', () => {
    const out = html({ error: 'prometheus: no answer within 10000 ms', loading: true });
    expect(out).toContain('role="alert"');
    expect(out).toContain('Could not load request rate:</span> prometheus: no answer within 10000 ms');
  });

  it('shows loading before the first data', () => {
    expect(html({ loading: true })).toMatch(/role="status".*Loading request rate…/);
  });

  it.each([
    ['no series', []],
    ['only gaps', [{ name: '2xx', points: [[1, null], [2, null]] }]],
  ] as [string, ChartSeries[]][])('says there was no traffic with %s', (_name, empty) => {
    const out = html({ series: empty });
    expect(out).toMatch(/role="status".*No traffic in this period/);
    expect(out).not.toContain('<figure');
  });

  it('names the chart by its summary and offers a toggle per series', () => {
    const out = html();
    expect(out).toContain('<h3');
    expect(out).toMatch(/<figure aria-label="Request rate, in requests per second, [^"]+ 2xx: latest 12 rps, peak 12 rps; 5xx: latest 1 rps, peak 1 rps\."/);
    expect(out.match(/<button type="button" aria-pressed="true"/g)).toHaveLength(2);
    expect(out).toContain('var(--color-failure)');
  });

  it('draws a compact sparkline without heading or legend', () => {
    const out = html({ compact: true });
    expect(out).toContain('aria-label="Request rate"');
    expect(out).not.toContain('<h3');
    expect(out).not.toContain('<button');
    expect(out).toContain('<figure aria-label="Request rate, in requests per second');
  });

  it('lists the change markers inside the data, numbered as drawn', () => {
    const out = html({ markers: [{ at: 1_700_000_010_000, label: 'Traffic shifting: v2 50%' }, { at: 1_600_000_000_000, label: 'long ago' }] });
    expect(out).toMatch(/<ol aria-label="Changes marked on the chart"[^>]*><li data-marker="true"><span[^>]*>1<\/span> [^<]+: Traffic shifting: v2 50%<\/li><\/ol>/);
    expect(out).not.toContain('long ago');
    expect(html()).not.toContain('Changes marked');
    expect(html({ compact: true, markers: [{ at: 1_700_000_010_000, label: 'x' }] })).not.toContain('Changes marked');
  });
});
