import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE, parseSearchUrlState, parseTagsParam, searchInput, serializeSearchUrlState, type TraceSearchUrlState } from './search-url';

const parse = (q: string) => parseSearchUrlState(new URLSearchParams(q));

describe('parseSearchUrlState', () => {
  it.each<[string, string, Partial<TraceSearchUrlState>]>([
    ['empty', '', {}],
    ['service and operation', 'service=frontend&operation=HTTP+GET', { service: 'frontend', operation: 'HTTP GET' }],
    ['a lookback choice', 'lookback=6h', { lookback: '6h' }],
    ['an unknown lookback', 'lookback=3w', {}],
    ['start makes it custom and wins over lookback', 'start=100&end=200&lookback=5m', { lookback: 'custom', start: 100, end: 200 }],
    ['end before start is dropped', 'start=200&end=100', { lookback: 'custom', start: 200, end: null }],
    ['end alone is ignored', 'end=100', {}],
    ['start that is not µs', 'start=2024-01-01', {}],
    ['durations', 'minDuration=100ms&maxDuration=1.5s', { minDuration: '100ms', maxDuration: '1.5s' }],
    ['bad durations', 'minDuration=fast&maxDuration=1d', {}],
    ['limit', 'limit=1500', { limit: 1500 }],
    ['limit out of range', 'limit=1501', {}],
    ['limit not whole', 'limit=2.5', {}],
    ['sort', 'sort=errors', { sort: 'errors' }],
    ['unknown sort', 'sort=name', {}],
    ['tags as JSON', 'tags=%7B%22http.status_code%22%3A500%2C%22k%22%3A%22a%2Cb%3Dc%22%7D', { tags: { 'http.status_code': '500', k: 'a,b=c' } }],
  ])('%s', (_name, query, expected) => {
    expect(parse(query)).toEqual({ ...DEFAULT_SEARCH_STATE, ...expected });
  });
});

describe('parseTagsParam', () => {
  it.each<[string | null, Record<string, string>]>([
    [null, {}],
    ['a=1,b = 2', { a: '1', b: '2' }],
    ['=1,c', {}],
    ['{"a":1,"b":true,"c":null,"":"x"}', { a: '1', b: 'true' }],
    ['{broken', {}],
    ['[1]', {}],
  ])('%s', (raw, expected) => {
    expect(parseTagsParam(raw)).toEqual(expected);
  });
});

describe('serializeSearchUrlState', () => {
  it.each<[string, Partial<TraceSearchUrlState>, string]>([
    ['defaults write nothing', {}, ''],
    ['a service', { service: 'frontend' }, 'service=frontend'],
    ['tags sorted as JSON', { tags: { z: '1', a: 'x y' } }, 'tags=%7B%22a%22%3A%22x+y%22%2C%22z%22%3A%221%22%7D'],
    ['custom window', { lookback: 'custom', start: 100, end: 200 }, 'start=100&end=200'],
    ['custom without start writes neither', { lookback: 'custom', start: null }, ''],
    ['everything else', { lookback: '5m', minDuration: '1ms', maxDuration: '2s', limit: 50, sort: 'longest' }, 'lookback=5m&minDuration=1ms&maxDuration=2s&limit=50&sort=longest'],
  ])('%s', (_name, change, query) => {
    expect(serializeSearchUrlState({ ...DEFAULT_SEARCH_STATE, ...change }).toString()).toBe(query);
  });

  it('round-trips', () => {
    const state: TraceSearchUrlState = {
      service: 'frontend', operation: 'GET /', tags: { a: '1', 'b.c': 'x=y,z' }, lookback: 'custom', start: 1_700_000_000_000_000,
      end: 1_700_000_060_000_000, minDuration: '10ms', maxDuration: '1s', limit: 100, sort: 'spans',
    };
    expect(parseSearchUrlState(serializeSearchUrlState(state))).toEqual(state);
  });
});

describe('searchInput', () => {
  it('is null without a service', () => {
    expect(searchInput(DEFAULT_SEARCH_STATE)).toBeNull();
  });
  it.each<[string, Partial<TraceSearchUrlState>, object]>([
    ['lookback', { service: 's' }, { service: 's', tags: {}, lookback: '1h', limit: 20 }],
    [
      'custom window and filters',
      { service: 's', operation: 'op', tags: { a: '1' }, lookback: 'custom', start: 5, end: 9, minDuration: '1ms', maxDuration: '2ms', limit: 3 },
      { service: 's', operation: 'op', tags: { a: '1' }, start: 5, end: 9, minDuration: '1ms', maxDuration: '2ms', limit: 3 },
    ],
    ['custom without a start falls back to the default lookback', { service: 's', lookback: 'custom' }, { service: 's', tags: {}, lookback: '1h', limit: 20 }],
  ])('%s', (_name, change, expected) => {
    expect(searchInput({ ...DEFAULT_SEARCH_STATE, ...change })).toEqual(expected);
  });
});
