import { describe, expect, it } from 'vitest';
import { ApiError } from './fetch-json';
import {
  inventoryDetailsPath,
  inventoryDetailsQuery,
  inventoryKeys,
  inventoryListPath,
  inventoryListQuery,
  overviewPath,
  overviewQuery,
  resourcesPath,
  sidecarResourcesQuery,
  type InventoryList,
  type ResourcesParams,
  type SidecarResources,
} from './inventory';

describe('paths', () => {
  it.each([
    [inventoryListPath('bookinfo', 'apps'), '/api/namespaces/bookinfo/apps'],
    [inventoryListPath('bookinfo', 'services', 3600), '/api/namespaces/bookinfo/services?duration=3600'],
    [inventoryDetailsPath('bookinfo', 'workloads', 'reviews-v2'), '/api/namespaces/bookinfo/workloads/reviews-v2'],
    // The server rejects such a name; the path must still carry it intact rather than change the route.
    [inventoryDetailsPath('bookinfo', 'apps', 'a/../b?x', 60), '/api/namespaces/bookinfo/apps/a%2F..%2Fb%3Fx?duration=60'],
    [overviewPath('all'), '/api/overview'],
    [overviewPath(['travel', 'bookinfo', 'travel'], 600), '/api/overview?namespaces=bookinfo%2Ctravel&duration=600'],
    [resourcesPath({ namespace: 'bookinfo', workload: 'productpage-v1', duration: 600 }), '/api/namespaces/bookinfo/workloads/productpage-v1/resources?duration=600'],
    [resourcesPath({ namespace: 'bookinfo', workload: 'productpage-v1', duration: 3600, step: 60 }), '/api/namespaces/bookinfo/workloads/productpage-v1/resources?duration=3600&step=60'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });
});

describe('inventoryKeys', () => {
  const unique = (keys: readonly unknown[]) => new Set(keys.map((k) => JSON.stringify(k))).size;

  it('puts every input in the key', () => {
    const lists = [inventoryKeys.list('bookinfo', 'apps', 300), inventoryKeys.list('travel', 'apps', 300), inventoryKeys.list('bookinfo', 'services', 300), inventoryKeys.list('bookinfo', 'apps', 600)];
    const details = [
      inventoryKeys.details('bookinfo', 'apps', 'reviews', 300),
      inventoryKeys.details('bookinfo', 'services', 'reviews', 300),
      inventoryKeys.details('bookinfo', 'apps', 'ratings', 300),
      inventoryKeys.details('bookinfo', 'apps', 'reviews', 60),
    ];
    const base: ResourcesParams = { namespace: 'bookinfo', workload: 'productpage-v1', duration: 600 };
    const resources = [base, { ...base, namespace: 'travel' }, { ...base, workload: 'details-v1' }, { ...base, duration: 60 }, { ...base, step: 30 }].map(inventoryKeys.resources);
    const overviews = [inventoryKeys.overview('all', 300), inventoryKeys.overview(['bookinfo'], 300), inventoryKeys.overview(['bookinfo', 'travel'], 300), inventoryKeys.overview(['bookinfo'], 600)];
    const all = [...lists, ...details, ...resources, ...overviews];
    expect(unique(all)).toBe(all.length);
  });

  it('ignores the order of namespaces, and nests a namespace\'s keys so they can be invalidated together', () => {
    expect(inventoryKeys.overview(['travel', 'bookinfo'], 300)).toEqual(inventoryKeys.overview(['bookinfo', 'travel', 'bookinfo'], 300));
    const ns = inventoryKeys.namespace('bookinfo');
    for (const key of [inventoryKeys.list('bookinfo', 'apps', 300), inventoryKeys.details('bookinfo', 'apps', 'reviews', 300), inventoryKeys.resources({ namespace: 'bookinfo', workload: 'w', duration: 60 })]) {
      expect(key.slice(0, ns.length)).toEqual([...ns]);
    }
  });
});

describe('query options', () => {
  it('never retries a 4xx and refreshes only when asked to', () => {
    const list = inventoryListQuery('bookinfo', 'apps', { refreshSeconds: 15 });
    const retry = list.retry as (count: number, error: Error) => boolean;
    expect(retry(0, new ApiError(404, 'not_found', 'namespace "x" not found'))).toBe(false);
    expect(retry(0, new ApiError(502, 'upstream_unavailable', 'prometheus: down'))).toBe(true);
    expect(list.refetchInterval).toBe(15_000);
    expect(inventoryDetailsQuery('bookinfo', 'apps', 'reviews').refetchInterval).toBe(false);
    expect(inventoryDetailsQuery('bookinfo', 'apps', 'reviews', { duration: 60 }).queryKey).toEqual(inventoryKeys.details('bookinfo', 'apps', 'reviews', 60));
  });

  it('keeps a list\'s rows only for the same namespace and kind', () => {
    const shown = { namespace: 'bookinfo', kind: 'apps', duration: 300, items: [] } as InventoryList;
    const placeholder = (ns: string, kind: 'apps' | 'services') =>
      (inventoryListQuery(ns, kind, { duration: 600 }).placeholderData as (previous?: InventoryList) => InventoryList | undefined)(shown);
    expect(placeholder('bookinfo', 'apps')).toBe(shown);
    expect(placeholder('travel', 'apps')).toBeUndefined();
    expect(placeholder('bookinfo', 'services')).toBeUndefined();
  });

  it('leaves the overview idle for no namespaces', () => {
    expect(overviewQuery([]).enabled).toBe(false);
    expect(overviewQuery(['bookinfo']).enabled).toBe(true);
    expect(overviewQuery('all').enabled).toBe(true);
  });

  it('lets earlier resource charts stand in only for the same workload', () => {
    const shown = { namespace: 'bookinfo', workload: 'productpage-v1' } as SidecarResources;
    const placeholder = (p: ResourcesParams) => (sidecarResourcesQuery(p).placeholderData as (previous?: SidecarResources) => SidecarResources | undefined)(shown);
    expect(placeholder({ namespace: 'bookinfo', workload: 'productpage-v1', duration: 3600 })).toBe(shown);
    expect(placeholder({ namespace: 'bookinfo', workload: 'details-v1', duration: 600 })).toBeUndefined();
  });
});
