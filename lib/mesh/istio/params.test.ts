import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors';
import { parseIstioListParams, parseIstioObjectParams, parseMtlsParams } from './params';

const q = (s: string) => new URLSearchParams(s);

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return err instanceof BadRequestError ? err.field : 'not a BadRequestError';
  }
  return undefined;
}

describe('parseIstioListParams', () => {
  it.each([
    ['', { namespaces: [] }],
    ['namespace=bookinfo,travel,bookinfo', { namespaces: ['bookinfo', 'travel'] }],
    ['namespaces=bookinfo&kind=VirtualService', { namespaces: ['bookinfo'], kind: 'VirtualService' }],
    ['kind=destinationrules', { namespaces: [], kind: 'DestinationRule' }],
    ['kind=PeerAuthentications', { namespaces: [], kind: 'PeerAuthentication' }],
  ])('%s', (query, expected) => {
    expect(parseIstioListParams(q(query))).toEqual(expected);
  });

  it.each([
    ['namespace=Book_Info', 'namespace'],
    ['namespaces=a,-b', 'namespaces'],
    ['kind=HTTPRoute', 'kind'],
    ['kind=virtualservice%22%7D', 'kind'],
  ])('%s is refused naming %s', (query, field) => {
    expect(fieldOf(() => parseIstioListParams(q(query)))).toBe(field);
  });
});

describe('parseIstioObjectParams', () => {
  it('takes a kind by name or plural', () => {
    expect(parseIstioObjectParams({ namespace: 'bookinfo', kind: 'virtualservices', name: 'reviews.v1' })).toEqual({
      namespace: 'bookinfo',
      kind: 'VirtualService',
      name: 'reviews.v1',
    });
  });

  it.each([
    [{ namespace: 'Bookinfo', kind: 'VirtualService', name: 'x' }, 'namespace'],
    [{ namespace: 'bookinfo', kind: 'Service', name: 'x' }, 'kind'],
    [{ namespace: 'bookinfo', kind: 'VirtualService', name: 'x/../y' }, 'name'],
    [{ namespace: 'bookinfo', kind: 'VirtualService', name: 'A' }, 'name'],
  ])('%j is refused naming %s', (path, field) => {
    expect(fieldOf(() => parseIstioObjectParams(path))).toBe(field);
  });
});

describe('parseMtlsParams', () => {
  it('defaults to every namespace over 5 minutes', () => {
    expect(parseMtlsParams(q(''))).toEqual({ namespaces: [], duration: 300 });
    expect(parseMtlsParams(q('namespace=bookinfo&duration=1h'))).toEqual({ namespaces: ['bookinfo'], duration: 3600 });
  });

  it.each([
    ['duration=5s', 'duration'],
    ['duration=2d', 'duration'],
    ['namespace=a%20b', 'namespace'],
  ])('%s is refused naming %s', (query, field) => {
    expect(fieldOf(() => parseMtlsParams(q(query)))).toBe(field);
  });
});
