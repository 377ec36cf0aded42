import { describe, expect, it } from 'vitest';
import { byAge, hostSpecificity, namespaceOfFqdn, qualifyHost, serviceFqdn } from './hosts';

describe('qualifyHost', () => {
  it.each([
    ['reviews', 'bookinfo', 'reviews.bookinfo.svc.cluster.local'],
    ['reviews.bookinfo.svc.cluster.local', 'other', 'reviews.bookinfo.svc.cluster.local'],
    ['*.bookinfo.svc.cluster.local', 'other', '*.bookinfo.svc.cluster.local'],
    ['*', 'bookinfo', '*'],
    ['example.com', 'bookinfo', 'example.com'],
  ])('%s in %s → %s', (host, ns, want) => expect(qualifyHost(host, ns)).toBe(want));
});

describe('hostSpecificity', () => {
  const fqdn = serviceFqdn('bookinfo', 'reviews');
  it.each<[string, number | undefined]>([
    [fqdn, Number.MAX_SAFE_INTEGER],
    ['*.bookinfo.svc.cluster.local', '.bookinfo.svc.cluster.local'.length],
    ['*.svc.cluster.local', '.svc.cluster.local'.length],
    ['*.local', '.local'.length],
    ['*', 0],
    ['*.shop.svc.cluster.local', undefined],
    ['ratings.bookinfo.svc.cluster.local', undefined],
  ])('%s', (host, want) => expect(hostSpecificity(host, fqdn)).toBe(want));

  it('ranks exact > namespace wildcard > cluster wildcard > *', () => {
    const ranked = ['*', '*.local', '*.bookinfo.svc.cluster.local', fqdn].map((h) => hostSpecificity(h, fqdn)!);
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
  });
});

describe('namespaceOfFqdn', () => {
  it.each<[string, string | undefined]>([
    ['reviews.bookinfo.svc.cluster.local', 'bookinfo'],
    ['example.com', undefined],
    ['a.b.bookinfo.svc.cluster.local', undefined],
  ])('%s → %s', (fqdn, want) => expect(namespaceOfFqdn(fqdn)).toBe(want));
});

describe('byAge', () => {
  const o = (name: string, creationTimestamp?: string, namespace = 'ns') => ({ metadata: { name, namespace, ...(creationTimestamp ? { creationTimestamp } : {}) } });
  it.each([
    ['older first', [o('b', '2024-01-02T00:00:00Z'), o('a', '2024-01-03T00:00:00Z'), o('c', '2024-01-01T00:00:00Z')], ['c', 'b', 'a']],
    ['fractions are later than whole seconds', [o('frac', '2024-01-01T00:00:05.5Z'), o('whole', '2024-01-01T00:00:05Z')], ['whole', 'frac']],
    ['offsets are read as times', [o('utc', '2024-01-01T01:30:00Z'), o('plus2', '2024-01-01T02:00:00+02:00')], ['plus2', 'utc']],
    ['equal times: by namespace then name', [o('b', '2024-01-01T00:00:00Z', 'x'), o('a', '2024-01-01T00:00:00Z', 'y'), o('a', '2024-01-01T00:00:00Z', 'x')], ['a', 'b', 'a']],
    ['no timestamp counts as oldest', [o('t', '2024-01-01T00:00:00Z'), o('none')], ['none', 't']],
  ])('%s', (_, objects, want) => expect([...objects].sort(byAge).map((x) => x.metadata.name)).toEqual(want));
});
