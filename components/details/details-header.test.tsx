import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HealthReport, InventoryDetails } from '@/lib/mesh/inventory/types';
import { DetailsHeader } from './details-header';
import { DetailsNotFound } from './details-states';

// Server-rendered markup: enough to check the words, links and states without a browser.
const ref = { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' } as const;
const workload = (health: HealthReport): InventoryDetails => ({
  duration: 300,
  pods: [],
  item: {
    namespace: 'bookinfo',
    kind: 'workloads',
    name: 'reviews-v2',
    labels: {},
    health,
    istio: [],
    controller: 'Deployment',
    app: 'reviews',
    version: 'v2',
    sidecar: 'injected',
    replicas: { desired: 1, ready: 1, available: 1 },
    serviceAccounts: [],
    services: [],
  },
});

describe('DetailsHeader', () => {
  it('names the item from the URL and links to the graph while the item loads', () => {
    const out = renderToStaticMarkup(<DetailsHeader item={ref} loading />);
    expect(out).toMatch(/Workload in namespace <span[^>]*>bookinfo<\/span>/);
    expect(out).toMatch(/<h1[^>]*>reviews-v2<\/h1>/);
    expect(out).toContain('href="/graph?namespaces=bookinfo&amp;graphType=workload&amp;node=wl%3Abookinfo%3Areviews-v2"');
    // The traces link waits for the workload's app.
    expect(out).not.toContain('/traces');
    expect(out).toMatch(/role="status"[^>]*>Loading health…/);
  });

  it('says the health in a word with its reasons and traffic, and links to traces', () => {
    const out = renderToStaticMarkup(
      <DetailsHeader item={ref} details={workload({ health: 'degraded', inRps: 2, inErrorRate: 0.05, reasons: ['5xx 5 % > 0 %', '1 of 2 replicas available'] })} loading={false} />,
    );
    expect(out).toMatch(/class="font-semibold text-degraded">Degraded<\/span>/);
    expect(out).toContain(' · 2 rps in, 5% errors over the last 5m');
    expect(out).toMatch(/<ul aria-label="Health reasons"[^>]*><li>5xx 5 % &gt; 0 %<\/li><li>1 of 2 replicas available<\/li><\/ul>/);
    expect(out).toContain('href="/traces?service=reviews.bookinfo"');
    expect(out).not.toContain('Loading health');
  });

  it('reads "No traffic" without reasons or rates when there was none', () => {
    const out = renderToStaticMarkup(<DetailsHeader item={ref} details={workload({ health: 'na', inRps: 0, inErrorRate: null, reasons: [] })} loading={false} />);
    expect(out).toContain('>No traffic</span>');
    expect(out).not.toContain('rps in');
    expect(out).toContain('No traffic</span><span class="text-slate-600 dark:text-slate-400"> over the last 5m</span>');
    expect(out).not.toContain('Health reasons');
  });
});

describe('DetailsNotFound', () => {
  it('names what is missing and links to its list in its namespace', () => {
    const out = renderToStaticMarkup(<DetailsNotFound item={{ ...ref, name: 'reviews-v9' }} />);
    expect(out).toMatch(/<h1[^>]*>No workload reviews-v9 in bookinfo<\/h1>/);
    expect(out).toMatch(/href="\/workloads\?namespaces=bookinfo"[^>]*>Back to the workloads of bookinfo</);
    expect(out).not.toContain('The server says');
  });

  it("adds the server's reason when there is one", () => {
    const out = renderToStaticMarkup(<DetailsNotFound item={ref} reason={'namespace "bookinfo" not found'} />);
    expect(out).toContain('The server says: namespace &quot;bookinfo&quot; not found. It may have been deleted');
  });
});
