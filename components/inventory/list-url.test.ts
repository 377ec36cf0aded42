import { describe, expect, it } from 'vitest';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import { DEFAULT_LIST_URL_STATE, listHref, parseListUrlState, readableQuery, serializeListUrlState, type ListUrlState } from './list-url';

const parse = (query: string, kind: InventoryKind = 'workloads') => parseListUrlState(new URLSearchParams(query), kind);

describe('parseListUrlState', () => {
  it.each<[string, InventoryKind, ListUrlState]>([
    ['', 'workloads', DEFAULT_LIST_URL_STATE],
    [
      'namespaces=bookinfo&name=rev&health=degraded,failure&sort=name:asc',
      'workloads',
      { namespaces: ['bookinfo'], name: 'rev', health: ['degraded', 'failure'], sort: { key: 'name', direction: 'asc' } },
    ],
    // An empty choice is a choice: no namespaces, not every namespace.
    ['namespaces=', 'apps', { ...DEFAULT_LIST_URL_STATE, namespaces: [] }],
    ['namespaces=travel,%20bookinfo,,travel', 'apps', { ...DEFAULT_LIST_URL_STATE, namespaces: ['travel', 'bookinfo'] }],
    // Health states come back in their fixed order, unknown ones and duplicates dropped.
    ['health=na,bogus,healthy,na', 'apps', { ...DEFAULT_LIST_URL_STATE, health: ['healthy', 'na'] }],
    ['sort=inRps:desc', 'services', { ...DEFAULT_LIST_URL_STATE, sort: { key: 'inRps', direction: 'desc' } }],
    ['sort=versions:desc', 'apps', { ...DEFAULT_LIST_URL_STATE, sort: { key: 'versions', direction: 'desc' } }],
    // A column of another kind's list, a bad direction, or extra parts: no sort.
    ['sort=versions:desc', 'workloads', DEFAULT_LIST_URL_STATE],
    ['sort=replicas:asc', 'services', DEFAULT_LIST_URL_STATE],
    ['sort=name:up', 'apps', DEFAULT_LIST_URL_STATE],
    ['sort=name', 'apps', DEFAULT_LIST_URL_STATE],
    ['sort=name:asc:x', 'apps', DEFAULT_LIST_URL_STATE],
    ['sort=:asc', 'apps', DEFAULT_LIST_URL_STATE],
    ['name=a%26b%3Dc', 'apps', { ...DEFAULT_LIST_URL_STATE, name: 'a&b=c' }],
  ])('%s (%s)', (query, kind, expected) => {
    expect(parse(query, kind)).toEqual(expected);
  });
});

describe('serializeListUrlState', () => {
  it.each<[ListUrlState, string]>([
    [DEFAULT_LIST_URL_STATE, ''],
    [
      { namespaces: ['bookinfo'], name: 'rev', health: ['failure', 'degraded'], sort: { key: 'name', direction: 'asc' } },
      'namespaces=bookinfo&name=rev&health=degraded,failure&sort=name:asc',
    ],
    [{ ...DEFAULT_LIST_URL_STATE, namespaces: [] }, 'namespaces='],
    [{ ...DEFAULT_LIST_URL_STATE, namespaces: ['bookinfo', 'travel'] }, 'namespaces=bookinfo,travel'],
    // Everything but , and : stays encoded, so a name filter cannot spill into other parameters.
    [{ ...DEFAULT_LIST_URL_STATE, name: 'a&b=c d,e:f' }, 'name=a%26b%3Dc+d,e:f'],
  ])('%j → %s', (state, expected) => {
    expect(readableQuery(serializeListUrlState(state))).toBe(expected);
  });

  it.each<ListUrlState>([
    DEFAULT_LIST_URL_STATE,
    { namespaces: ['bookinfo', 'travel'], name: 'a&b,c:d %', health: ['healthy', 'na'], sort: { key: 'errors', direction: 'desc' } },
    { namespaces: [], name: '', health: [], sort: { key: 'health', direction: 'asc' } },
  ])('round-trips %j', (state) => {
    expect(parse(readableQuery(serializeListUrlState(state)))).toEqual(state);
  });
});

describe('listHref', () => {
  it.each<[string, Partial<ListUrlState>, string]>([
    ['/workloads', {}, '/workloads'],
    ['/workloads', { namespaces: ['bookinfo'] }, '/workloads?namespaces=bookinfo'],
    ['/services', { namespaces: ['bookinfo'], health: ['failure'] }, '/services?namespaces=bookinfo&health=failure'],
  ])('%s %j', (path, state, expected) => {
    expect(listHref(path, state)).toBe(expected);
  });
});
