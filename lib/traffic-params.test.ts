import { describe, expect, it } from 'vitest';
import { parseChangeId, parseChangesFilter, parseDryRun, parseTrafficPath } from './traffic-params';

const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('traffic route parameters', () => {
  it.each([
    [{ namespace: 'bookinfo', name: 'reviews' }, 'no error'],
    [{ namespace: 'Bookinfo', name: 'reviews' }, 'namespace: "Bookinfo" is not a valid namespace name (DNS-1123 label)'],
    [{ namespace: 'bookinfo', name: 'reviews.v1' }, 'name: "reviews.v1" is not a valid service name (DNS-1123 label)'],
    [{ namespace: 'bookinfo', name: '' }, 'name: "" is not a valid service name (DNS-1123 label)'],
  ])('path %j → %s', (path, message) => {
    expect(messageOf(() => parseTrafficPath(path))).toBe(message);
  });

  it.each([
    ['change-20250101120000-a1b2c3', 'no error'],
    ['change-2025010112000-a1b2c3', 'id: "change-2025010112000-a1b2c3" is not a change id (change-<yyyymmddhhmmss>-<6 letters or digits>)'],
    ['change-20250101120000-A1B2C3', 'id: "change-20250101120000-A1B2C3" is not a change id (change-<yyyymmddhhmmss>-<6 letters or digits>)'],
    ['../kube-root-ca.crt', 'id: "../kube-root-ca.crt" is not a change id (change-<yyyymmddhhmmss>-<6 letters or digits>)'],
  ])('id %s → %s', (id, message) => {
    expect(messageOf(() => parseChangeId(id))).toBe(message);
  });

  it.each([
    ['', {}],
    ['namespace=bookinfo', { namespace: 'bookinfo' }],
    ['namespace=bookinfo&service=reviews', { namespace: 'bookinfo', service: 'reviews' }],
    ['namespace=&service=reviews', { service: 'reviews' }],
  ])('filter %s → %j', (query, filter) => {
    expect(parseChangesFilter(new URLSearchParams(query))).toEqual(filter);
  });

  it('names a bad filter field', () => {
    expect(messageOf(() => parseChangesFilter(new URLSearchParams('service=a,b')))).toBe('service: "a,b" is not a valid service name (DNS-1123 label)');
  });

  it.each([
    ['', false],
    ['dryRun=false', false],
    ['dryRun=true', true],
    ['dryRun', true],
  ])('dryRun in %j → %s', (query, dryRun) => {
    expect(parseDryRun(new URLSearchParams(query))).toBe(dryRun);
  });

  it('refuses another dryRun value', () => {
    expect(messageOf(() => parseDryRun(new URLSearchParams('dryRun=yes')))).toBe('dryRun: must be true or false');
  });
});
