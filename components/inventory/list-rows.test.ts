import { describe, expect, it } from 'vitest';
import type { InventoryItem, InventoryKind } from '@/lib/mesh/inventory/types';
import type { ListFilters } from './list-sort';
import { listRows, listSummary, type NamespaceResult } from './list-rows';
import { app, report, workload } from './test-items';

const ok = (namespace: string, items: InventoryItem[], kind: InventoryKind = 'workloads'): NamespaceResult => ({
  namespace,
  status: 'success',
  list: { namespace, kind, duration: 300, items },
});
const noFilters: ListFilters = { name: '', health: [] };

describe('listRows', () => {
  it('shows the namespaces that loaded while another fails and a third loads', () => {
    const rows = listRows(
      'workloads',
      [
        ok('travel', [workload('hotels-v1', { namespace: 'travel' })]),
        { namespace: 'bookinfo', status: 'error', message: 'kubernetes: forbidden' },
        { namespace: 'shop', status: 'pending' },
        ok('empty', []),
      ],
      noFilters,
      null,
    );
    expect(rows.items.map((i) => i.name)).toEqual(['hotels-v1']);
    expect(rows.failed).toEqual([{ namespace: 'bookinfo', message: 'kubernetes: forbidden' }]);
    expect(rows.loading).toEqual(['shop']);
    expect(rows.loaded).toEqual(['travel', 'empty']);
    expect(rows.empty).toBeUndefined();
  });

  it('keeps the rows of a namespace whose refresh failed, and says so', () => {
    const list = { namespace: 'bookinfo', kind: 'workloads' as const, duration: 300, items: [workload('reviews-v1')] };
    const stale: NamespaceResult = { namespace: 'bookinfo', status: 'success', list, refreshError: 'prometheus: timeout' };
    const rows = listRows('workloads', [stale], noFilters, null);
    expect(rows.items.map((i) => i.name)).toEqual(['reviews-v1']);
    expect(rows.failed).toEqual([{ namespace: 'bookinfo', message: 'prometheus: timeout (showing the rows from before)' }]);
  });

  it('interleaves several namespaces into one sorted table', () => {
    const rows = listRows(
      'workloads',
      [ok('travel', [workload('hotels-v1', { namespace: 'travel' })]), ok('bookinfo', [workload('reviews-v1'), workload('details-v1')])],
      noFilters,
      { key: 'name', direction: 'desc' },
    );
    expect(rows.items.map((i) => i.name)).toEqual(['reviews-v1', 'hotels-v1', 'details-v1']);
    expect(rows.total).toBe(3);
  });

  it('filters by name and health', () => {
    const items = [workload('reviews-v1'), workload('reviews-v2', { health: report('degraded') }), workload('ratings-v1', { health: report('failure') })];
    const rows = listRows('workloads', [ok('bookinfo', items)], { name: 'rev', health: ['degraded', 'failure'] }, null);
    expect(rows.items.map((i) => i.name)).toEqual(['reviews-v2']);
    expect(rows.total).toBe(3);
  });

  it('keeps items of other kinds out', () => {
    const rows = listRows('workloads', [ok('bookinfo', [workload('reviews-v1'), app('reviews')])], noFilters, null);
    expect(rows.items.map((i) => i.kind)).toEqual(['workloads']);
  });

  it.each<[InventoryKind, NamespaceResult[], ListFilters, string | undefined]>([
    ['apps', [ok('bookinfo', [], 'apps')], noFilters, 'No applications in bookinfo'],
    ['services', [ok('bookinfo', [], 'services'), ok('travel', [], 'services'), ok('shop', [], 'services')], noFilters, 'No services in bookinfo, travel or shop'],
    ['workloads', [ok('bookinfo', [workload('reviews-v1')])], { name: 'zzz', health: [] }, 'No workloads in bookinfo match the filters'],
    // Only the namespaces that answered are named; while one still loads, nothing is said yet.
    ['workloads', [ok('bookinfo', []), { namespace: 'travel', status: 'error', message: 'x' }], noFilters, 'No workloads in bookinfo'],
    ['workloads', [ok('bookinfo', []), { namespace: 'travel', status: 'pending' }], noFilters, undefined],
    ['workloads', [{ namespace: 'travel', status: 'error', message: 'x' }], noFilters, undefined],
    ['workloads', [], noFilters, undefined],
  ])('%s empty state %#', (kind, results, filters, expected) => {
    expect(listRows(kind, results, filters, null).empty).toBe(expected);
  });
});

describe('listSummary', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => workload(`w${i}`));
  it.each<[InventoryKind, number, number, number, string]>([
    ['workloads', 8, 8, 2, '8 workloads in 2 namespaces'],
    ['workloads', 3, 8, 2, '3 of 8 workloads in 2 namespaces'],
    ['apps', 1, 1, 1, '1 application in 1 namespace'],
    ['services', 0, 0, 1, '0 services in 1 namespace'],
    ['services', 0, 1, 3, '0 of 1 service in 3 namespaces'],
  ])('%s %d of %d in %d', (kind, shown, total, namespaces, expected) => {
    expect(listSummary(kind, { items: items(shown), total }, namespaces)).toBe(expected);
  });
});
