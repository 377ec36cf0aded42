import { describe, expect, it } from 'vitest';
import type { HealthReport, ServiceItem } from '@/lib/mesh/inventory/types';
import { errorRateOf, healthDescription, istioRefTitle, portsTitle, portText, replicasText } from './item-format';
import { configHref, detailHref, graphHref } from './kinds';
import { report } from './test-items';

describe('healthDescription', () => {
  it.each<[HealthReport, string]>([
    [report('healthy'), 'Healthy'],
    [report('na', 0, null), 'No traffic'],
    [report('degraded', 1, 0.02, ['5xx 2 % > 0 %']), 'Degraded: 5xx 2 % > 0 %'],
    [report('failure', 1, 0.5, ['5xx 50 % ≥ 10 %', '0 of 2 replicas available']), 'Failure: 5xx 50 % ≥ 10 %; 0 of 2 replicas available'],
  ])('%j → %s', (r, expected) => {
    expect(healthDescription(r)).toBe(expected);
  });
});

describe('errorRateOf', () => {
  it.each<[HealthReport, number | undefined]>([
    [report('healthy', 2, 0), 0],
    [report('failure', 2, 0.25), 0.25],
    [report('na', 0, null), undefined],
    // A rate reported with no traffic behind it is 0/0: no value.
    [report('na', 0, 0), undefined],
  ])('%j → %s', (r, expected) => {
    expect(errorRateOf(r)).toBe(expected);
  });
});

describe('service ports', () => {
  const ports: ServiceItem['ports'] = [
    { name: 'http', port: 9080, protocol: 'TCP', appProtocol: 'http' },
    { port: 27017, protocol: 'TCP' },
    { name: 'dns', port: 53, protocol: 'UDP' },
  ];
  it('lists port/protocol, with names and app protocols in the title', () => {
    expect(ports.map(portText)).toEqual(['9080/TCP', '27017/TCP', '53/UDP']);
    expect(portsTitle(ports)).toBe('http 9080/TCP (http), 27017/TCP, dns 53/UDP');
  });
});

describe('small texts and links', () => {
  it.each<[string, string]>([
    [replicasText({ desired: 3, ready: 2, available: 2 }), '2/3'],
    [istioRefTitle({ kind: 'PeerAuthentication', namespace: 'istio-system', name: 'default' }), 'PeerAuthentication istio-system/default'],
    [detailHref('workloads', 'bookinfo', 'reviews-v1'), '/namespaces/bookinfo/workloads/reviews-v1'],
    [detailHref('apps', 'a b', 'x/y'), '/namespaces/a%20b/apps/x%2Fy'],
    [configHref('bookinfo'), '/config?namespace=bookinfo'],
    [graphHref('bookinfo'), '/graph?namespaces=bookinfo'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
