import { describe, expect, it } from 'vitest';
import type { NamespaceOverview } from '@/lib/mesh/inventory/types';
import { cardModel, type CardModel } from './card-model';

const none = { healthy: 0, degraded: 0, failure: 0, na: 0 };
const bookinfo: NamespaceOverview = {
  namespace: 'bookinfo',
  labels: { 'istio-injection': 'enabled' },
  injection: 'enabled',
  apps: { healthy: 4, degraded: 1, failure: 0, na: 1 },
  workloads: { healthy: 6, degraded: 1, failure: 0, na: 1 },
  services: { healthy: 4, degraded: 0, failure: 0, na: 1 },
  inRps: 41.234,
  inErrorRate: 0.0042,
  mtlsShare: 1,
  sidecars: { injected: 8, total: 8 },
};

describe('cardModel', () => {
  it('words the rows and links each non-zero count to the filtered list', () => {
    const card = cardModel(bookinfo);
    expect(card.rows.map((r) => [r.title, r.total, r.href])).toEqual([
      ['Applications', 6, '/applications?namespaces=bookinfo'],
      ['Workloads', 8, '/workloads?namespaces=bookinfo'],
      ['Services', 5, '/services?namespaces=bookinfo'],
    ]);
    expect(card.rows[1]!.counts).toEqual([
      { health: 'healthy', count: 6, label: 'Healthy', href: '/workloads?namespaces=bookinfo&health=healthy' },
      { health: 'degraded', count: 1, label: 'Degraded', href: '/workloads?namespaces=bookinfo&health=degraded' },
      { health: 'failure', count: 0, label: 'Failure', href: undefined },
      { health: 'na', count: 1, label: 'No traffic', href: '/workloads?namespaces=bookinfo&health=na' },
    ]);
  });

  it.each<[string, Partial<NamespaceOverview>, Partial<CardModel>]>([
    [
      'a busy, fully injected namespace',
      {},
      { injection: 'Injection enabled', rps: '41.2', errors: '0.4%', errorsWarn: true, mtls: '100%', mtlsWarn: false, sidecars: '8/8', sidecarsNote: 'Every workload injected', sidecarsWarn: false },
    ],
    [
      'partial sidecars and some plain text',
      { sidecars: { injected: 3, total: 4 }, mtlsShare: 0.75, inErrorRate: 0 },
      { sidecars: '3/4', sidecarsNote: '1 of 4 workloads not fully injected', sidecarsWarn: true, mtls: '75%', mtlsWarn: true, errors: '0%', errorsWarn: false },
    ],
    // Almost all mTLS must not read as all of it.
    ['99.7 % mTLS', { mtlsShare: 0.997 }, { mtls: '>99%', mtlsWarn: true }],
    [
      'no traffic: no error rate or mTLS share to show',
      { inRps: 0, inErrorRate: null, mtlsShare: null, apps: none },
      { rps: '0', errors: '—', errorsWarn: false, mtls: '—', mtlsWarn: false },
    ],
    [
      'outside the mesh: plain text is expected, and no sidecar is not partial',
      { injection: 'unset', sidecars: { injected: 0, total: 5 }, mtlsShare: 0 },
      { injection: 'No injection label', mtls: '0%', mtlsWarn: false, sidecars: '0/5', sidecarsNote: 'No workload injected', sidecarsWarn: false },
    ],
    ['no workloads', { injection: 'disabled', sidecars: { injected: 0, total: 0 } }, { injection: 'Injection disabled', sidecars: '0/0', sidecarsNote: 'No workloads', sidecarsWarn: false }],
  ])('%s', (_name, over, expected) => {
    expect(cardModel({ ...bookinfo, ...over })).toMatchObject(expected);
  });
});
