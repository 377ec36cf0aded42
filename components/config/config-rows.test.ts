import { describe, expect, it } from 'vitest';
import { configRowId, filterConfigItems, sortConfigItems, validationOf, validationSummary } from './config-rows';
import { configItem, finding } from './test-config';

const NOW = Date.parse('2025-06-10T12:00:00Z');

describe('validation', () => {
  it.each([
    ['no findings', [], 'valid', 'Valid', undefined],
    ['info only', [finding('info', 'fyi')], 'valid', 'Valid', undefined],
    ['one warning', [finding('info', 'fyi'), finding('warning', 'weights add up to 90')], 'warning', '1 warning', 'weights add up to 90'],
    [
      'errors win, the first error is the title',
      [finding('warning', 'w1'), finding('error', 'no subset v9'), finding('error', 'e2'), finding('warning', 'w2')],
      'error',
      '2 errors, 2 warnings',
      'no subset v9',
    ],
  ] as const)('%s', (_name, findings, validation, text, title) => {
    const item = { findings: [...findings] };
    expect(validationOf(item)).toBe(validation);
    expect(validationSummary(item)).toEqual({ validation, text, ...(title ? { title } : {}) });
  });
});

describe('filterConfigItems and sortConfigItems', () => {
  const items = [
    configItem('DestinationRule', 'reviews', { createdAt: '2025-06-10T11:00:00Z' }),
    configItem('VirtualService', 'reviews', { findings: [finding('error', 'e')], createdAt: '2025-06-01T00:00:00Z' }),
    configItem('Gateway', 'bookinfo-gateway', { findings: [finding('warning', 'w')], createdAt: undefined }),
    configItem('PeerAuthentication', 'default', { namespace: 'istio-system' }),
  ];
  const ids = (list: readonly typeof items[number][]) => list.map(configRowId);

  it('filters by a name substring in any case and by validation', () => {
    expect(ids(filterConfigItems(items, { name: ' REV ', validation: [] }))).toEqual(['DestinationRule/bookinfo/reviews', 'VirtualService/bookinfo/reviews']);
    expect(ids(filterConfigItems(items, { name: '', validation: ['warning', 'error'] }))).toEqual(['VirtualService/bookinfo/reviews', 'Gateway/bookinfo/bookinfo-gateway']);
    expect(ids(filterConfigItems(items, { name: 'rev', validation: ['valid'] }))).toEqual(['DestinationRule/bookinfo/reviews']);
    expect(filterConfigItems(items, { name: 'nothing', validation: [] })).toEqual([]);
  });

  it.each([
    [null, ['DestinationRule/bookinfo/reviews', 'VirtualService/bookinfo/reviews', 'Gateway/bookinfo/bookinfo-gateway', 'PeerAuthentication/istio-system/default']],
    [{ key: 'kind', direction: 'asc' }, ['DestinationRule/bookinfo/reviews', 'Gateway/bookinfo/bookinfo-gateway', 'PeerAuthentication/istio-system/default', 'VirtualService/bookinfo/reviews']],
    // Oldest first; an unknown age goes last.
    [{ key: 'age', direction: 'desc' }, ['VirtualService/bookinfo/reviews', 'PeerAuthentication/istio-system/default', 'DestinationRule/bookinfo/reviews', 'Gateway/bookinfo/bookinfo-gateway']],
    [{ key: 'validation', direction: 'desc' }, ['VirtualService/bookinfo/reviews', 'Gateway/bookinfo/bookinfo-gateway', 'DestinationRule/bookinfo/reviews', 'PeerAuthentication/istio-system/default']],
    [{ key: 'namespace', direction: 'desc' }, ['PeerAuthentication/istio-system/default', 'DestinationRule/bookinfo/reviews', 'VirtualService/bookinfo/reviews', 'Gateway/bookinfo/bookinfo-gateway']],
  ] as const)('sorts by %o', (sort, expected) => {
    expect(ids(sortConfigItems(items, sort, NOW))).toEqual(expected);
  });
});
