import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_URL_STATE, parseConfigUrlState, serializeConfigUrlState, type ConfigUrlState } from './config-url';

const parse = (query: string) => parseConfigUrlState(new URLSearchParams(query));

describe('config URL state', () => {
  it.each<[string, ConfigUrlState]>([
    ['', DEFAULT_CONFIG_URL_STATE],
    ['namespace=travel,bookinfo', { ...DEFAULT_CONFIG_URL_STATE, namespaces: ['travel', 'bookinfo'] }],
    // An empty choice is a choice: no namespaces (the page asks for some), not all of them.
    ['namespace=', { ...DEFAULT_CONFIG_URL_STATE, namespaces: [] }],
    ['kind=VirtualService&name=rev', { ...DEFAULT_CONFIG_URL_STATE, kind: 'VirtualService', name: 'rev' }],
    ['validation=error,bogus,warning,error&sort=age:desc', { ...DEFAULT_CONFIG_URL_STATE, validation: ['warning', 'error'], sort: { key: 'age', direction: 'desc' } }],
  ])('reads ?%s', (query, state) => {
    expect(parse(query)).toEqual(state);
  });

  it.each(['kind=virtualservice', 'kind=workloads', 'sort=age', 'sort=bogus:asc', 'sort=name:up', 'sort=name:asc:x', 'validation=ok'])('falls back to the default for ?%s', (query) => {
    expect(parse(query)).toEqual(DEFAULT_CONFIG_URL_STATE);
  });

  it('writes only what differs from the default, and reads back what it wrote', () => {
    expect(serializeConfigUrlState(DEFAULT_CONFIG_URL_STATE).toString()).toBe('');
    const state: ConfigUrlState = { namespaces: ['bookinfo', 'travel'], kind: 'DestinationRule', name: 'rev iews', validation: ['error', 'valid'], sort: { key: 'name', direction: 'desc' } };
    const written = serializeConfigUrlState(state);
    expect(written.get('validation')).toBe('valid,error');
    expect(parseConfigUrlState(written)).toEqual({ ...state, validation: ['valid', 'error'] });
  });
});
