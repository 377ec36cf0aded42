import { describe, expect, it } from 'vitest';
import { parseGraphUrlState } from '../graph/url-state';
import { graphHrefForServices, graphHrefForTrace } from './graph-link';
import { serviceColour } from './format';

describe('graphHrefForServices', () => {
  it.each<[string[], string | null]>([
    [['productpage.bookinfo', 'reviews.bookinfo', 'ratings.bookinfo'], '/graph?namespaces=bookinfo'],
    [['travels.travel-agency', 'control.travel-control', 'frontend'], '/graph?namespaces=travel-agency,travel-control'],
    [['frontend', 'redis'], null],
    [['a.b.c', '.x', 'y.'], null],
    [[], null],
  ])('%j', (services, href) => {
    expect(graphHrefForServices(services)).toBe(href);
  });
});

describe('graphHrefForTrace', () => {
  const span = (service: string, attributes: Record<string, string> = {}) => ({ service, attributes });
  const hop = (ns: string, app: string, version?: string) =>
    span(`${app}.${ns}`, { 'istio.namespace': ns, 'istio.canonical_service': app, ...(version ? { 'istio.canonical_revision': version } : {}) });

  it('opens the versioned-app graph of the namespaces passed, finding each app version once', () => {
    const href = graphHrefForTrace([hop('bookinfo', 'productpage', 'v1'), hop('bookinfo', 'reviews', 'v2'), hop('bookinfo', 'reviews', 'v2'), hop('travel', 'hotels', 'unknown')]);
    const state = parseGraphUrlState(new URL(`http://x${href}`).searchParams);
    expect(state).toMatchObject({ namespaces: ['bookinfo', 'travel'], graphType: 'versionedApp' });
    expect(state.find).toBe(
      '(ns = "bookinfo" and app = "productpage" and version = "v1") or (ns = "bookinfo" and app = "reviews" and version = "v2") or (ns = "travel" and app = "hotels")',
    );
  });

  it('quotes names so they stay one value', () => {
    const href = graphHrefForTrace([hop('bookinfo', 'odd"name\\x')]) ?? '';
    expect(parseGraphUrlState(new URL(`http://x${href}`).searchParams).find).toBe(String.raw`(ns = "bookinfo" and app = "odd\"name\\x")`);
  });

  it('falls back to the namespaces of the service names without Istio tags', () => {
    expect(graphHrefForTrace([span('productpage.bookinfo'), span('frontend')])).toBe('/graph?namespaces=bookinfo');
    expect(graphHrefForTrace([span('frontend')])).toBeNull();
  });
});

describe('serviceColour', () => {
  it('is stable per name and varies between names', () => {
    expect(serviceColour('frontend')).toBe(serviceColour('frontend'));
    expect(new Set(['frontend', 'driver', 'route', 'customer', 'mysql', 'redis'].map(serviceColour)).size).toBeGreaterThan(2);
    expect(serviceColour('')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
