import { describe, expect, it } from 'vitest';
import { parseGraphUrlState } from '@/components/graph/url-state';
import type { HealthReport, InventoryItem, IstioRef } from '@/lib/mesh/inventory/types';
import { configHref, detailsHref, graphHref, graphNodeId, inventoryKindOf, listHref, notFoundText, tracesHref, type ItemRef } from './links';

const health: HealthReport = { health: 'healthy', inRps: 1, inErrorRate: 0, reasons: [] };
const base = { namespace: 'bookinfo', labels: {}, health, istio: [] as IstioRef[] };
const workload = (app?: string): InventoryItem => ({
  ...base,
  kind: 'workloads',
  name: 'reviews-v2',
  controller: 'Deployment',
  ...(app ? { app } : {}),
  sidecar: 'injected',
  replicas: { desired: 1, ready: 1, available: 1 },
  serviceAccounts: [],
  services: [],
});
const service = (selector: Record<string, string>): InventoryItem => ({ ...base, kind: 'services', name: 'reviews', type: 'ClusterIP', selector, ports: [], workloads: [] });

describe('graph links', () => {
  it.each<[ItemRef, string, string]>([
    [{ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' }, 'workload', 'wl:bookinfo:reviews-v2'],
    [{ namespace: 'bookinfo', kind: 'apps', name: 'reviews' }, 'app', 'app:bookinfo:reviews'],
    [{ namespace: 'bookinfo', kind: 'services', name: 'reviews' }, 'versionedApp', 'svc:bookinfo:reviews'],
  ])('%o opens the %s graph on %s', (ref, graphType, node) => {
    expect(graphNodeId(ref)).toBe(node);
    const href = graphHref(ref);
    expect(href.startsWith('/graph?')).toBe(true);
    // Read back the way the graph page reads its URL, so the two cannot drift apart.
    const state = parseGraphUrlState(new URLSearchParams(href.slice('/graph?'.length)));
    expect(state).toMatchObject({ namespaces: ['bookinfo'], graphType, node });
    // A service node is only drawn with service nodes on.
    expect(state.serviceNodes).toBe(true);
  });
});

describe('tracesHref', () => {
  it.each<[ItemRef, InventoryItem | undefined, string | undefined]>([
    [{ namespace: 'bookinfo', kind: 'apps', name: 'reviews' }, undefined, '/traces?service=reviews.bookinfo'],
    [{ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' }, workload('reviews'), '/traces?service=reviews.bookinfo'],
    [{ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' }, workload(), '/traces?service=reviews-v2.bookinfo'],
    // Until the workload loaded its app is unknown; a guess could point at the wrong service.
    [{ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' }, undefined, undefined],
    [{ namespace: 'bookinfo', kind: 'services', name: 'reviews' }, service({ app: 'reviews-app' }), '/traces?service=reviews-app.bookinfo'],
    [{ namespace: 'bookinfo', kind: 'services', name: 'reviews' }, service({}), '/traces?service=reviews.bookinfo'],
    [{ namespace: 'bookinfo', kind: 'services', name: 'reviews' }, undefined, '/traces?service=reviews.bookinfo'],
  ])('%o → %s', (ref, item, href) => {
    expect(tracesHref(ref, item)).toBe(href);
  });
});

describe('inventoryKindOf', () => {
  it.each([
    ['apps', 'apps'],
    ['workloads', 'workloads'],
    ['services', 'services'],
    ['applications', undefined],
    ['Services', undefined],
    ['metrics', undefined],
    ['', undefined],
  ])('%s → %s', (segment, kind) => {
    expect(inventoryKindOf(segment)).toBe(kind);
  });
});

describe('other links', () => {
  it('links details, tabs, lists and config', () => {
    expect(detailsHref({ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' })).toBe('/namespaces/bookinfo/workloads/reviews-v2');
    expect(detailsHref({ namespace: 'bookinfo', kind: 'services', name: 'reviews' }, 'inbound')).toBe('/namespaces/bookinfo/services/reviews?tab=inbound');
    expect(detailsHref({ namespace: 'a b', kind: 'apps', name: 'x/y' })).toBe('/namespaces/a%20b/apps/x%2Fy');
    expect(listHref('apps')).toBe('/applications');
    expect(listHref('workloads')).toBe('/workloads');
    expect(listHref('services', 'bookinfo')).toBe('/services?namespaces=bookinfo');
    expect(configHref('bookinfo')).toBe('/config?namespace=bookinfo');
  });

  it('names what was not found', () => {
    expect(notFoundText({ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v9' })).toBe('No workload reviews-v9 in bookinfo');
    expect(notFoundText({ namespace: 'travel', kind: 'apps', name: 'hotels' })).toBe('No app hotels in travel');
  });
});
