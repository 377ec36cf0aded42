import { describe, expect, it } from 'vitest';
import { graphHrefForServices } from './graph-link';
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

describe('serviceColour', () => {
  it('is stable per name and varies between names', () => {
    expect(serviceColour('frontend')).toBe(serviceColour('frontend'));
    expect(new Set(['frontend', 'driver', 'route', 'customer', 'mysql', 'redis'].map(serviceColour)).size).toBeGreaterThan(2);
    expect(serviceColour('')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
