import { describe, expect, it } from 'vitest';
import { observedMismatchFlag, rollUpFlags } from './flags';
import { workloadMtls } from './status';
import { dr, mode, pa, scopeOf, service, tls, workload } from './testing';
import type { MtlsFlag, MtlsStatus } from './types';

const reviews = workload('bookinfo', 'reviews');
const svc = [service('bookinfo', 'reviews', 9080, 8080)];
const ref = (kind: string, namespace: string, name: string) => ({ kind, namespace, name });

describe('strict-with-disable', () => {
  it('names the rule and the policy, relates both, lists the client namespaces', () => {
    const scope = scopeOf([pa('bookinfo', 'strict', mode('STRICT')), dr('bookinfo', 'plain', tls('reviews', 'DISABLE'))], { workloads: [reviews], services: svc, namespaces: ['a', 'b', 'bookinfo', 'c', 'istio-system'] });
    expect(workloadMtls(scope, reviews).flags).toEqual([
      {
        code: 'strict-with-disable',
        severity: 'error',
        message: 'DestinationRule bookinfo/plain sets tls DISABLE toward reviews.bookinfo.svc.cluster.local:9080 for clients in a, b, bookinfo and 2 more, but PeerAuthentication bookinfo/strict requires STRICT there: their requests are refused.',
        related: [ref('DestinationRule', 'bookinfo', 'plain'), ref('PeerAuthentication', 'bookinfo', 'strict')],
      },
    ]);
  });

  it.each([
    { name: 'no rule: auto mTLS', objects: [pa('bookinfo', 'strict', mode('STRICT'))], want: [] },
    { name: 'ISTIO_MUTUAL rule', objects: [pa('bookinfo', 'strict', mode('STRICT')), dr('bookinfo', 'r', tls('reviews', 'ISTIO_MUTUAL'))], want: [] },
    { name: 'PERMISSIVE server', objects: [pa('bookinfo', 'p', mode('PERMISSIVE')), dr('bookinfo', 'r', tls('reviews', 'DISABLE'))], want: [] },
    { name: 'mesh STRICT, root catch-all DISABLE', objects: [pa('istio-system', 'm', mode('STRICT')), dr('istio-system', 'all', tls('*.local', 'DISABLE'))], want: ['all+m'] },
    { name: 'STRICT except the target port', objects: [pa('bookinfo', 'w', mode('STRICT', { selector: { matchLabels: { app: 'reviews' } }, portLevelMtls: { 8080: { mode: 'PERMISSIVE' } } })), dr('bookinfo', 'r', tls('reviews', 'DISABLE'))], want: [] },
    { name: 'port-level STRICT on the target port only', objects: [pa('bookinfo', 'w', mode('PERMISSIVE', { selector: { matchLabels: { app: 'reviews' } }, portLevelMtls: { 8080: { mode: 'STRICT' } } })), dr('bookinfo', 'r', tls('reviews', 'DISABLE'))], want: ['r+w'] },
    { name: 'DISABLE only for another port', objects: [pa('bookinfo', 's', mode('STRICT')), dr('bookinfo', 'r', { host: 'reviews', trafficPolicy: { portLevelSettings: [{ port: { number: 7000 }, tls: { mode: 'DISABLE' } }] } })], want: [] },
    { name: 'a workloadSelector DISABLE rule', objects: [pa('bookinfo', 's', mode('STRICT')), dr('bookinfo', 'r', tls('reviews', 'DISABLE', { workloadSelector: { matchLabels: { app: 'x' } } }))], want: [] },
    { name: "an exportTo '.' DISABLE rule still reaches its own namespace's clients", objects: [pa('bookinfo', 's', mode('STRICT')), dr('bookinfo', 'r', tls('reviews', 'DISABLE', { exportTo: ['.'] }))], want: ['r+s'] },
  ])('$name', ({ objects, want }) => {
    const flags = workloadMtls(scopeOf(objects, { workloads: [reviews], services: svc }), reviews).flags.filter((f) => f.code === 'strict-with-disable');
    expect(flags.map((f) => f.related!.map((r) => r.name).join('+'))).toEqual(want);
  });
});

describe('no-sidecar-under-strict', () => {
  it.each([
    { name: 'namespace STRICT', objects: [pa('bookinfo', 's', mode('STRICT'))], sidecar: false, want: 'bookinfo/reviews-v1 has no sidecar, so STRICT from PeerAuthentication bookinfo/s is not enforced on it: it accepts plaintext, and callers whose DestinationRule requires ISTIO_MUTUAL fail.' },
    { name: 'mesh STRICT', objects: [pa('istio-system', 'm', mode('STRICT'))], sidecar: false, want: 'bookinfo/reviews-v1 has no sidecar, so STRICT from PeerAuthentication istio-system/m is not enforced on it: it accepts plaintext, and callers whose DestinationRule requires ISTIO_MUTUAL fail.' },
    { name: 'with a sidecar', objects: [pa('bookinfo', 's', mode('STRICT'))], sidecar: true, want: undefined },
    { name: 'PERMISSIVE', objects: [pa('bookinfo', 's', mode('PERMISSIVE'))], sidecar: false, want: undefined },
  ])('$name', ({ objects, sidecar, want }) => {
    const w = { ...reviews, sidecar };
    expect(workloadMtls(scopeOf(objects, { workloads: [w], services: svc }), w).flags.find((f) => f.code === 'no-sidecar-under-strict')?.message).toBe(want);
  });
});

describe('observedMismatchFlag', () => {
  it.each<[MtlsStatus, number, number | null, string | undefined]>([
    ['enabled', 12.5, 0.87, 'Configured enabled, but only 87 % of 12.5 req/s observed were mTLS.'],
    ['enabled', 3, 0.995, undefined],
    ['enabled', 0, 0.5, undefined],
    ['enabled', 3, null, undefined],
    ['disabled', 2, 0.45, 'Configured disabled, but 45 % of 2 req/s observed were mTLS.'],
    ['disabled', 2, 0.005, undefined],
    ['partly', 2, 0.5, undefined],
    ['not-enabled', 2, 0, undefined],
  ])('%s, %s req/s, share %s', (status, rps, mtlsShare, want) => {
    expect(observedMismatchFlag(status, { rps, mtlsShare })?.message).toBe(want);
  });
});

describe('rollUpFlags', () => {
  const f = (code: MtlsFlag['code'], message: string): MtlsFlag => ({ code, severity: 'warning', message });
  it('keeps each message once and drops the children’s observed mismatches', () => {
    expect(rollUpFlags([[f('strict-with-disable', 'a'), f('observed-mismatch', 'x')], [f('strict-with-disable', 'a'), f('no-sidecar-under-strict', 'b')]])).toEqual([f('strict-with-disable', 'a'), f('no-sidecar-under-strict', 'b')]);
  });
});
