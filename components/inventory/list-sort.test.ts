import { describe, expect, it } from 'vitest';
import type { Health } from '@/lib/mesh/graph/types';
import type { InventoryItem } from '@/lib/mesh/inventory/types';
import type { SortDirection } from '../graph/table-sort';
import { itemSortValue, LIST_COLUMNS, matchesFilters, sortItems, type ListFilters, type ListSortKey } from './list-sort';
import { app, report, service, workload } from './test-items';

const names = (items: readonly InventoryItem[]) => items.map((i) => `${i.namespace === 'bookinfo' ? '' : `${i.namespace}/`}${i.name}`).join(' ');

describe('sortItems on workloads', () => {
  const items = [
    workload('reviews-v2', { health: report('degraded', 4, 0.02), replicas: { desired: 2, ready: 1, available: 1 } }),
    workload('discounts-v1', { namespace: 'travel', sidecar: 'missing', health: report('na', 0, null) }),
    workload('reviews-v10', { health: report('healthy', 0.5, 0) }),
    workload('ratings-v1', { health: report('failure', 2, 0.5), istio: [{ kind: 'DestinationRule', namespace: 'bookinfo', name: 'ratings' }] }),
    workload('details-v1', { sidecar: 'partial', health: report('healthy', 10, 0), replicas: { desired: 3, ready: 3, available: 3 } }),
    workload('reviews-v1', { health: report('healthy', 4, 0) }),
  ];
  it.each<[ListSortKey | null, SortDirection, string]>([
    // Without a sort: namespace, then name, with numbers in names compared as numbers.
    [null, 'asc', 'details-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v10 travel/discounts-v1'],
    ['name', 'asc', 'details-v1 travel/discounts-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v10'],
    ['name', 'desc', 'reviews-v10 reviews-v2 reviews-v1 ratings-v1 travel/discounts-v1 details-v1'],
    // Worst first descending; no traffic has no health to rank, so it is last both ways.
    ['health', 'desc', 'ratings-v1 reviews-v2 details-v1 reviews-v1 reviews-v10 travel/discounts-v1'],
    ['health', 'asc', 'details-v1 reviews-v1 reviews-v10 reviews-v2 ratings-v1 travel/discounts-v1'],
    ['sidecar', 'desc', 'travel/discounts-v1 details-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v10'],
    ['replicas', 'desc', 'details-v1 reviews-v2 ratings-v1 reviews-v1 reviews-v10 travel/discounts-v1'],
    ['inRps', 'desc', 'details-v1 reviews-v1 reviews-v2 ratings-v1 reviews-v10 travel/discounts-v1'],
    // Without inbound traffic there is no error rate: last, not 0 %.
    ['errors', 'desc', 'ratings-v1 reviews-v2 details-v1 reviews-v1 reviews-v10 travel/discounts-v1'],
    ['errors', 'asc', 'details-v1 reviews-v1 reviews-v10 reviews-v2 ratings-v1 travel/discounts-v1'],
    ['config', 'desc', 'ratings-v1 details-v1 reviews-v1 reviews-v2 reviews-v10 travel/discounts-v1'],
    ['namespace', 'desc', 'travel/discounts-v1 details-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v10'],
  ])('%s %s', (key, direction, expected) => {
    expect(names(sortItems(items, key ? { key, direction } : null))).toBe(expected);
  });

  it('leaves its input alone', () => {
    const copy = [...items];
    sortItems(items, { key: 'name', direction: 'desc' });
    expect(items).toEqual(copy);
  });
});

describe('sortItems on apps and services', () => {
  it.each<[InventoryItem[], ListSortKey, SortDirection, string]>([
    [[app('reviews', { versions: ['v1', 'v2', 'v3'] }), app('mongodb', { versions: [] }), app('details', { versions: ['v1'] })], 'versions', 'asc', 'details reviews mongodb'],
    [[app('a', { sidecar: 'partial' }), app('b', { sidecar: 'missing' }), app('c')], 'sidecar', 'desc', 'b a c'],
    [[service('mongodb', { ports: [{ port: 27017, protocol: 'TCP' }] }), service('empty', { ports: [] }), service('details', { ports: [{ port: 9443, protocol: 'TCP' }, { port: 9080, protocol: 'TCP' }] })], 'ports', 'asc', 'details mongodb empty'],
    [[service('lb', { type: 'LoadBalancer' }), service('ext', { type: 'ExternalName' }), service('c')], 'type', 'asc', 'c ext lb'],
  ])('%#: %s %s', (items, key, direction, expected) => {
    expect(names(sortItems(items, { key, direction }))).toBe(expected);
  });
});

describe('columns', () => {
  // A busy item of each kind has a value in every one of its columns, so undefined can only mean "none".
  const busy: Record<string, InventoryItem> = {
    apps: app('reviews', { istio: [] }),
    workloads: workload('reviews-v1'),
    services: service('reviews'),
  };
  it.each(Object.entries(LIST_COLUMNS).flatMap(([kind, columns]) => columns.map((c) => [kind, c.key, c.numeric] as const)))('%s %s', (kind, key, numeric) => {
    const value = itemSortValue(busy[kind]!, key);
    expect(value).toBeDefined();
    if (numeric) expect(typeof value).toBe('number');
  });

  it.each(Object.entries(LIST_COLUMNS))('%s has unique keys, starting with health and name', (_kind, columns) => {
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
    expect(columns.slice(0, 2).map((c) => c.key)).toEqual(['health', 'name']);
  });
});

describe('matchesFilters', () => {
  const item = workload('Reviews-v2', { health: report('degraded') });
  it.each<[string, Health[], boolean]>([
    ['', [], true],
    ['rev', [], true],
    ['REV', [], true],
    ['  view ', [], true],
    ['v3', [], false],
    ['', ['degraded', 'failure'], true],
    ['', ['healthy'], false],
    ['rev', ['failure'], false],
  ])('name %j, health %j → %s', (name, health, expected) => {
    const filters: ListFilters = { name, health };
    expect(matchesFilters(item, filters)).toBe(expected);
  });
});
