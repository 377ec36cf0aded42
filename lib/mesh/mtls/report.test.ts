import { describe, expect, it } from 'vitest';
import { emptyTraffic, addSample } from '../inventory/health-report';
import { buildMtlsReport, observedFromTraffic, sumObserved } from './report';
import { mode, pa, scopeOf, workload } from './testing';
import type { ControlPlane, ObservedMtls } from './types';

const controlPlane: ControlPlane = { istiod: [], pushing: 'unknown' };

describe('observedFromTraffic', () => {
  const traffic = (samples: [string, number][]) => {
    const t = emptyTraffic();
    for (const [policy, rate] of samples) addSample(t, { request_protocol: 'http', response_code: '200', connection_security_policy: policy }, rate);
    return t;
  };
  it.each<[string, ReturnType<typeof traffic> | undefined, ObservedMtls]>([
    ['no traffic index entry', undefined, { rps: 0, mtlsShare: null }],
    ['no requests', traffic([]), { rps: 0, mtlsShare: null }],
    ['all mTLS', traffic([['mutual_tls', 4]]), { rps: 4, mtlsShare: 1 }],
    ['a quarter plaintext', traffic([['mutual_tls', 3], ['none', 1]]), { rps: 4, mtlsShare: 0.75 }],
  ])('%s', (_, t, want) => expect(observedFromTraffic(t)).toEqual(want));
});

describe('sumObserved', () => {
  it.each<[ObservedMtls[], ObservedMtls]>([
    [[], { rps: 0, mtlsShare: null }],
    [[{ rps: 3, mtlsShare: 1 }, { rps: 1, mtlsShare: 0 }], { rps: 4, mtlsShare: 0.75 }],
    [[{ rps: 2, mtlsShare: 0.5 }, { rps: 0, mtlsShare: null }], { rps: 2, mtlsShare: 0.5 }],
  ])('%j', (items, want) => expect(sumObserved(items)).toEqual(want));
});

describe('buildMtlsReport', () => {
  const scope = scopeOf([pa('bookinfo', 'default', mode('STRICT'))], {
    workloads: [workload('shop', 'cart'), workload('bookinfo', 'reviews', 'v2'), workload('bookinfo', 'reviews', 'v1'), workload('other', 'x')],
  });
  const observed = new Map<string, ObservedMtls>([
    ['bookinfo/reviews-v1', { rps: 3, mtlsShare: 1 }],
    ['bookinfo/reviews-v2', { rps: 1, mtlsShare: 0 }],
    ['shop/cart-v1', { rps: 4, mtlsShare: 0.5 }],
    ['other/x-v1', { rps: 100, mtlsShare: 0 }],
  ]);
  const report = buildMtlsReport({ scope, namespaces: ['shop', 'bookinfo', 'shop'], observed, duration: 300, controlPlane });

  it('lists the asked namespaces’ workloads by namespace then name', () => {
    expect(report.workloads.map((w) => `${w.namespace}/${w.name}`)).toEqual(['bookinfo/reviews-v1', 'bookinfo/reviews-v2', 'shop/cart-v1']);
    expect(report.namespaces.map((n) => n.namespace)).toEqual(['bookinfo', 'shop']);
  });

  it('sums observed traffic per namespace and over the asked namespaces', () => {
    expect(report.namespaces.map((n) => n.observed)).toEqual([{ rps: 4, mtlsShare: 0.75 }, { rps: 4, mtlsShare: 0.5 }]);
    expect(report.mesh.observed).toEqual({ rps: 8, mtlsShare: 0.625 });
  });

  it('flags an enabled namespace whose traffic was not all mTLS', () => {
    expect(report.namespaces[0]?.status).toBe('enabled');
    expect(report.namespaces[0]?.flags.map((f) => f.message)).toEqual(['Configured enabled, but only 75 % of 4 req/s observed were mTLS.']);
    expect(report.workloads[1]?.flags.map((f) => f.code)).toEqual(['observed-mismatch']);
  });

  it('carries the rest through', () => {
    expect([report.duration, report.rootNamespace, report.controlPlane, report.mesh.status]).toEqual([300, 'istio-system', controlPlane, 'partly']);
  });
});
