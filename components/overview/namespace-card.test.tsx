import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NamespaceOverview } from '@/lib/mesh/inventory/types';
import { NamespaceCard } from './namespace-card';

const bookinfo: NamespaceOverview = {
  namespace: 'bookinfo',
  labels: {},
  injection: 'enabled',
  apps: { healthy: 4, degraded: 1, failure: 0, na: 1 },
  workloads: { healthy: 6, degraded: 1, failure: 0, na: 1 },
  services: { healthy: 4, degraded: 0, failure: 0, na: 1 },
  inRps: 41.2,
  inErrorRate: 0.004,
  mtlsShare: 1,
  sidecars: { injected: 7, total: 8 },
};
const html = (o: NamespaceOverview = bookinfo) => renderToStaticMarkup(<NamespaceCard overview={o} />);

describe('NamespaceCard', () => {
  it('is an article named by its heading, carrying the rate for tests', () => {
    const out = html();
    const id = /<h3 id="([^"]+)"/.exec(out)?.[1];
    expect(id).toBeDefined();
    expect(out).toContain(`<article aria-labelledby="${id}" data-namespace="bookinfo" data-in-rps="41.2"`);
  });

  it('links to the lists of the namespace, to the filtered lists from each count, and to its graph', () => {
    const out = html();
    expect(out).toMatch(/href="\/workloads\?namespaces=bookinfo"[^>]*>Workloads<span class="sr-only"> in bookinfo<\/span>/);
    expect(out).toMatch(/href="\/workloads\?namespaces=bookinfo&amp;health=degraded"[^>]*>.*?Workloads, degraded: 1/);
    // A zero count is text, not a link to an empty list.
    expect(out).not.toContain('health=failure');
    expect(out).toContain('href="/graph?namespaces=bookinfo"');
  });

  it('warns of partial sidecars and says why', () => {
    const out = html();
    expect(out).toMatch(/Sidecars<\/dt><dd class="[^"]*text-amber-700[^"]*"><span aria-hidden="true">⚠ <\/span>7\/8<span class="sr-only"> \(1 of 8 workloads not fully injected/);
  });

  it('does not warn when every pod has a sidecar', () => {
    const out = html({ ...bookinfo, sidecars: { injected: 8, total: 8 } });
    expect(out).toMatch(/Sidecars<\/dt><dd class="tabular-nums ">8\/8/);
  });
});
