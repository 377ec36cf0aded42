import { describe, expect, it } from 'vitest';
import { overviewNamespaces, parseOverviewUrlState, serializeOverviewUrlState, type OverviewUrlState } from './overview-url';

describe('overview URL state', () => {
  it.each<[string, OverviewUrlState, string]>([
    ['', { namespaces: null }, ''],
    ['namespaces=bookinfo', { namespaces: ['bookinfo'] }, 'namespaces=bookinfo'],
    ['namespaces=travel,bookinfo,travel,', { namespaces: ['travel', 'bookinfo'] }, 'namespaces=travel%2Cbookinfo'],
    ['namespaces=', { namespaces: [] }, 'namespaces='],
    ['other=1', { namespaces: null }, ''],
  ])('%s', (query, state, written) => {
    expect(parseOverviewUrlState(new URLSearchParams(query))).toEqual(state);
    expect(serializeOverviewUrlState(state).toString()).toBe(written);
  });
});

describe('overviewNamespaces', () => {
  const available = [{ name: 'bookinfo' }, { name: 'istio-system' }, { name: 'travel' }];
  it.each<[string[] | null, typeof available | undefined, string[] | undefined]>([
    [null, available, ['bookinfo', 'istio-system', 'travel']],
    [null, undefined, undefined],
    // The URL's choice stands even before (or without) the namespace list.
    [['travel'], undefined, ['travel']],
    [[], available, []],
  ])('%j of %j', (chosen, list, expected) => {
    expect(overviewNamespaces(chosen, list)).toEqual(expected);
  });
});
