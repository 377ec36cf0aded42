import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InventoryDetails, ServiceItem } from '@/lib/mesh/inventory/types';
import { OverviewTab } from './overview-tab';

// Server-rendered markup: enough to check the sections and links without a browser.
const service: ServiceItem = {
  namespace: 'bookinfo',
  kind: 'services',
  name: 'reviews',
  labels: { app: 'reviews', service: 'reviews' },
  health: { health: 'healthy', inRps: 3, inErrorRate: 0, reasons: [] },
  istio: [{ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' }],
  type: 'ClusterIP',
  selector: { app: 'reviews' },
  ports: [{ name: 'http', port: 9080, protocol: 'TCP' }],
  workloads: ['reviews-v1', 'reviews-v2'],
};
const details: InventoryDetails = {
  item: service,
  duration: 600,
  pods: [
    { name: 'reviews-v1-abc', phase: 'Running', ready: true, sidecar: true, labels: { version: 'v1' } },
    { name: 'reviews-v2-def', phase: 'Pending', ready: false, sidecar: false, labels: { version: 'v2' } },
  ],
};

describe('OverviewTab', () => {
  const out = renderToStaticMarkup(<OverviewTab details={details} />);

  it('has a named section each, with a selector for a service', () => {
    const sections = [...out.matchAll(/<section aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['Details', 'Related', 'Labels', 'Selector', 'Istio config', 'Pods (2)']);
  });

  it('lists facts, versions from the pods, and labels', () => {
    expect(out).toContain('<dt class="text-slate-500">Ports</dt><dd class="break-words">http 9080/TCP</dd>');
    expect(out).toContain('<dt class="text-slate-500">Versions</dt><dd>v1, v2</dd>');
    expect(out).toMatch(/<ul aria-label="Selector"[^>]*><li[^>]*>app=reviews<\/li><\/ul>/);
  });

  it('links related workloads and the Istio config', () => {
    expect(out).toMatch(/href="\/namespaces\/bookinfo\/workloads\/reviews-v1"[^>]*>reviews-v1</);
    expect(out).toMatch(/VirtualService<\/span> <a [^>]*href="\/config\/bookinfo\/VirtualService\/reviews"[^>]*>reviews</);
  });

  it('shows each pod with phase, readiness and sidecar', () => {
    expect(out).toMatch(/<th scope="row"[^>]*>reviews-v2-def<\/th><td[^>]*>Pending<\/td><td[^>]*><span[^>]*>No<\/span><\/td><td[^>]*><span[^>]*>Missing<\/span>/);
    expect(out).toMatch(/<th scope="row"[^>]*>reviews-v1-abc<\/th><td[^>]*>Running<\/td><td[^>]*><span>Yes<\/span><\/td><td[^>]*><span>Yes<\/span>/);
  });
});
