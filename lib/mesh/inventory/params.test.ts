import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors';
import { isValidName, parseInventoryParams, parseOverviewParams, parseResourcesParams } from './params';

const q = (s = '') => new URLSearchParams(s);

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof BadRequestError) return err.field;
    throw err;
  }
  return undefined;
}

describe('parseInventoryParams', () => {
  it.each([
    [{ namespace: 'bookinfo', kind: 'apps' }, '', { namespace: 'bookinfo', kind: 'apps', duration: 300 }],
    [{ namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2' }, 'duration=1h', { namespace: 'bookinfo', kind: 'workloads', name: 'reviews-v2', duration: 3600 }],
    [{ namespace: 'bookinfo', kind: 'services', name: 'reviews' }, 'duration=60', { namespace: 'bookinfo', kind: 'services', name: 'reviews', duration: 60 }],
    [{ namespace: 'bookinfo', kind: 'apps' }, 'duration=1d', { namespace: 'bookinfo', kind: 'apps', duration: 86400 }],
  ])('%o ?%s', (path, query, expected) => {
    expect(parseInventoryParams(path, q(query))).toEqual(expected);
  });

  it.each([
    [{ namespace: 'Bookinfo', kind: 'apps' }, '', 'namespace'],
    [{ namespace: 'bookinfo', kind: 'pods' }, '', 'kind'],
    [{ namespace: 'bookinfo', kind: 'services', name: 'reviews.v2' }, '', 'name'],
    [{ namespace: 'bookinfo', kind: 'workloads', name: '-x' }, '', 'name'],
    [{ namespace: 'bookinfo', kind: 'apps' }, 'duration=30s', 'duration'],
    [{ namespace: 'bookinfo', kind: 'apps' }, 'duration=2d', 'duration'],
    [{ namespace: 'bookinfo', kind: 'apps' }, 'duration=soon', 'duration'],
  ])('%o ?%s → 400 naming %s', (path, query, field) => {
    expect(fieldOf(() => parseInventoryParams(path, q(query)))).toBe(field);
  });
});

describe('isValidName', () => {
  it.each([
    ['workloads', 'reviews-v2', true],
    ['workloads', 'web.v1', true],
    ['workloads', 'Web', false],
    ['services', 'web.v1', false],
    ['services', 'a'.repeat(64), false],
    ['apps', 'My_App.v2', true],
    ['apps', '_x', false],
    ['apps', 'a'.repeat(64), false],
  ] as const)('%s %j → %s', (kind, name, valid) => {
    expect(isValidName(kind, name)).toBe(valid);
  });
});

describe('parseOverviewParams', () => {
  it.each([
    ['', { duration: 300 }],
    ['namespaces=', { duration: 300 }],
    ['namespaces=travel,bookinfo,travel&duration=10m', { namespaces: ['travel', 'bookinfo'], duration: 600 }],
  ])('?%s', (query, expected) => {
    expect(parseOverviewParams(q(query))).toEqual(expected);
  });

  it.each([
    ['namespaces=book_info', 'namespaces'],
    [`namespaces=${Array.from({ length: 101 }, (_, i) => `n${i}`).join(',')}`, 'namespaces'],
    ['duration=0', 'duration'],
  ])('?%s → 400 naming %s', (query, field) => {
    expect(fieldOf(() => parseOverviewParams(q(query)))).toBe(field);
  });
});

describe('parseResourcesParams', () => {
  const path = { namespace: 'bookinfo', name: 'productpage-v1' };

  it.each([
    ['', { ...path, duration: 600 }],
    ['duration=1h&step=30s', { ...path, duration: 3600, step: 30 }],
    ['duration=7d&step=60', { ...path, duration: 604800, step: 60 }],
  ])('?%s', (query, expected) => {
    expect(parseResourcesParams(path, q(query))).toEqual(expected);
  });

  it.each([
    [{ namespace: 'bookinfo', name: 'Product' }, '', 'name'],
    [path, 'duration=8d', 'duration'],
    [path, 'step=0', 'step'],
    [path, 'duration=1m&step=5m', 'step'],
    [path, 'duration=7d&step=1', 'step'],
  ])('%o ?%s → 400 naming %s', (p, query, field) => {
    expect(fieldOf(() => parseResourcesParams(p, q(query)))).toBe(field);
  });
});
