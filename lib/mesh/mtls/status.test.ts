import { describe, expect, it } from 'vitest';
import type { IstioResource, MeshWorkload } from '../istio/types';
import { meshMtls, namespaceMtls, rollUp, workloadMtls } from './status';
import { dr, mode, pa, sampleScope, scopeOf, service, tls, workload } from './testing';
import type { MtlsStatus } from './types';

const sel = (app: string, more: Record<string, unknown> = {}) => ({ selector: { matchLabels: { app } }, ...more });
const reviews = workload('bookinfo', 'reviews');

describe('workloadMtls', () => {
  const cases: { name: string; objects: IstioResource[]; w?: MeshWorkload; status: MtlsStatus; reason: string }[] = [
    { name: 'nothing configured', objects: [], status: 'not-enabled', reason: "no PeerAuthentication applies: Istio's default PERMISSIVE with auto mTLS" },
    { name: 'namespace STRICT', objects: [pa('bookinfo', 'default', mode('STRICT'))], status: 'enabled', reason: 'STRICT from PeerAuthentication bookinfo/default (namespace-wide)' },
    { name: 'mesh STRICT', objects: [pa('istio-system', 'default', mode('STRICT'))], status: 'enabled', reason: 'STRICT from PeerAuthentication istio-system/default (mesh-wide)' },
    { name: 'workload DISABLE', objects: [pa('bookinfo', 'r', mode('DISABLE', sel('reviews')))], status: 'disabled', reason: 'DISABLE from PeerAuthentication bookinfo/r (workload selector)' },
    { name: 'explicit PERMISSIVE', objects: [pa('bookinfo', 'default', mode('PERMISSIVE'))], status: 'partly', reason: 'PERMISSIVE from PeerAuthentication bookinfo/default (namespace-wide)' },
    { name: 'no sidecar under STRICT', objects: [pa('bookinfo', 'default', mode('STRICT'))], w: { ...reviews, sidecar: false }, status: 'disabled', reason: 'no sidecar: traffic to it is plaintext' },
    { name: 'a port-level mode that differs', objects: [pa('bookinfo', 'r', mode('STRICT', sel('reviews', { portLevelMtls: { 8080: { mode: 'DISABLE' } } })))], status: 'partly', reason: 'STRICT from PeerAuthentication bookinfo/r (workload selector)' },
    { name: 'a port-level mode that agrees', objects: [pa('bookinfo', 'r', mode('STRICT', sel('reviews', { portLevelMtls: { 8080: { mode: 'STRICT' } } })))], status: 'enabled', reason: 'STRICT from PeerAuthentication bookinfo/r (workload selector)' },
    { name: 'a DISABLE rule under STRICT keeps enabled', objects: [pa('bookinfo', 'default', mode('STRICT')), dr('bookinfo', 'plain', tls('reviews', 'DISABLE'))], status: 'enabled', reason: 'STRICT from PeerAuthentication bookinfo/default (namespace-wide)' },
  ];
  it.each(cases)('$name', ({ objects, w = reviews, status, reason }) => {
    const cell = workloadMtls(scopeOf(objects, { workloads: [w], services: [service('bookinfo', 'reviews')] }), w);
    expect(cell.status).toBe(status);
    expect(cell.reasons[0]?.text).toBe(reason);
    expect(cell.observed).toEqual({ rps: 0, mtlsShare: null });
  });

  it('names the port that differs, with its path', () => {
    const scope = scopeOf([pa('bookinfo', 'r', mode('STRICT', sel('reviews', { portLevelMtls: { 8080: { mode: 'DISABLE' } } })))]);
    expect(workloadMtls(scope, reviews).reasons[1]).toEqual({ text: 'DISABLE from PeerAuthentication bookinfo/r (port 8080)', ref: { kind: 'PeerAuthentication', namespace: 'bookinfo', name: 'r' }, path: 'spec.portLevelMtls.8080.mode' });
  });

  it('adds a reason for a client rule that disagrees, naming it and its clients', () => {
    const scope = scopeOf([pa('bookinfo', 'default', mode('STRICT')), dr('bookinfo', 'plain', tls('reviews', 'DISABLE'))], { workloads: [reviews], services: [service('bookinfo', 'reviews')], namespaces: ['bookinfo', 'istio-system', 'shop'] });
    const cell = workloadMtls(scope, reviews);
    expect(cell.reasons[1]).toEqual({
      text: 'but clients in bookinfo, istio-system, shop use DISABLE toward reviews.bookinfo.svc.cluster.local:9080 from DestinationRule bookinfo/plain',
      ref: { kind: 'DestinationRule', namespace: 'bookinfo', name: 'plain' },
      path: 'spec.trafficPolicy.tls.mode',
    });
    expect(cell.flags.map((f) => f.code)).toEqual(['strict-with-disable']);
  });

  it.each([
    { name: 'ISTIO_MUTUAL toward STRICT agrees', pa: 'STRICT', client: 'ISTIO_MUTUAL', reasons: 1 },
    { name: 'ISTIO_MUTUAL toward DISABLE disagrees', pa: 'DISABLE', client: 'ISTIO_MUTUAL', reasons: 2 },
    { name: 'DISABLE toward DISABLE agrees', pa: 'DISABLE', client: 'DISABLE', reasons: 1 },
    { name: 'DISABLE toward PERMISSIVE disagrees', pa: 'PERMISSIVE', client: 'DISABLE', reasons: 2 },
  ])('$name', ({ pa: paMode, client, reasons }) => {
    const scope = scopeOf([pa('bookinfo', 'default', mode(paMode)), dr('bookinfo', 'r', tls('reviews', client))], { workloads: [reviews], services: [service('bookinfo', 'reviews')] });
    expect(workloadMtls(scope, reviews).reasons).toHaveLength(reasons);
  });

  it('a subset that selects the workload with its own DISABLE is named', () => {
    const rule = dr('bookinfo', 'r', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: { tls: { mode: 'DISABLE' } } }, { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { tls: { mode: 'DISABLE' } } }] });
    const scope = scopeOf([pa('bookinfo', 'default', mode('STRICT')), rule], { workloads: [reviews], services: [service('bookinfo', 'reviews')] });
    const texts = workloadMtls(scope, reviews).reasons.map((r) => r.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('reviews.bookinfo.svc.cluster.local:9080 (subset v1)');
  });
});

describe('rollUp', () => {
  it.each<[MtlsStatus[], MtlsStatus | undefined]>([
    [[], undefined],
    [['enabled', 'enabled'], 'enabled'],
    [['disabled', 'disabled'], 'disabled'],
    [['not-enabled'], 'not-enabled'],
    [['enabled', 'disabled'], 'partly'],
    [['enabled', 'not-enabled'], 'partly'],
    [['partly', 'partly'], 'partly'],
  ])('%j → %s', (statuses, want) => expect(rollUp(statuses)).toBe(want));
});

describe('namespaceMtls and meshMtls', () => {
  const ws = [workload('bookinfo', 'reviews'), workload('bookinfo', 'ratings'), workload('shop', 'cart')];
  const cells = (objects: IstioResource[], workloads = ws) => {
    const scope = scopeOf(objects, { workloads });
    return { scope, wl: workloads.map((w) => workloadMtls(scope, w)) };
  };

  it('namespace STRICT with one workload overriding to PERMISSIVE is partly, naming it', () => {
    const { scope, wl } = cells([pa('bookinfo', 'default', mode('STRICT')), pa('bookinfo', 'ratings', mode('PERMISSIVE', sel('ratings')))]);
    const ns = namespaceMtls(scope, 'bookinfo', wl);
    expect(ns.status).toBe('partly');
    expect(ns.reasons.map((r) => r.text)).toEqual(['STRICT from PeerAuthentication bookinfo/default (namespace-wide)', 'ratings-v1 is partly: PERMISSIVE from PeerAuthentication bookinfo/ratings (workload selector)']);
    expect(ns.reasons[1]?.ref?.name).toBe('ratings');
  });

  it.each<{ name: string; objects: IstioResource[]; ns: string; want: MtlsStatus }>([
    { name: 'all enabled', objects: [pa('bookinfo', 'default', mode('STRICT'))], ns: 'bookinfo', want: 'enabled' },
    { name: 'all disabled', objects: [pa('bookinfo', 'default', mode('DISABLE'))], ns: 'bookinfo', want: 'disabled' },
    { name: 'none configured', objects: [], ns: 'bookinfo', want: 'not-enabled' },
    { name: 'no workloads: its own policy', objects: [pa('empty', 'default', mode('STRICT'))], ns: 'empty', want: 'enabled' },
    { name: 'no workloads, mesh DISABLE', objects: [pa('istio-system', 'default', mode('DISABLE'))], ns: 'empty', want: 'disabled' },
  ])('namespace: $name', ({ objects, ns, want }) => {
    const { scope, wl } = cells(objects);
    expect(namespaceMtls(scope, ns, wl).status).toBe(want);
  });

  it('a workload without a sidecar under a STRICT namespace makes it partly, with the flag carried up once', () => {
    const workloads = [...ws, workload('bookinfo', 'legacy', 'v1', { sidecar: false })];
    const { scope, wl } = cells([pa('istio-system', 'default', mode('STRICT'))], workloads);
    const ns = namespaceMtls(scope, 'bookinfo', wl);
    expect(ns.status).toBe('partly');
    expect(ns.reasons.map((r) => r.text)).toContain('legacy-v1 is disabled: no sidecar: traffic to it is plaintext');
    expect(ns.flags.map((f) => f.code)).toEqual(['no-sidecar-under-strict']);
    const mesh = meshMtls(scope, [ns, namespaceMtls(scope, 'shop', wl)]);
    expect(mesh.status).toBe('partly');
    expect(mesh.reasons.map((r) => r.text)).toEqual(['STRICT from PeerAuthentication istio-system/default (mesh-wide)', 'namespace bookinfo is partly: legacy-v1 is disabled: no sidecar: traffic to it is plaintext']);
    expect(mesh.flags).toEqual(ns.flags);
  });

  it.each<{ name: string; objects: IstioResource[]; want: MtlsStatus; reason: string }>([
    { name: 'nothing configured', objects: [], want: 'not-enabled', reason: "no PeerAuthentication applies: Istio's default PERMISSIVE with auto mTLS" },
    { name: 'mesh STRICT everywhere', objects: [pa('istio-system', 'default', mode('STRICT'))], want: 'enabled', reason: 'STRICT from PeerAuthentication istio-system/default (mesh-wide)' },
    { name: 'one namespace STRICT', objects: [pa('shop', 'default', mode('STRICT'))], want: 'partly', reason: "no PeerAuthentication applies: Istio's default PERMISSIVE with auto mTLS" },
  ])('mesh: $name', ({ objects, want, reason }) => {
    const { scope, wl } = cells(objects);
    const mesh = meshMtls(scope, ['bookinfo', 'shop'].map((n) => namespaceMtls(scope, n, wl)));
    expect([mesh.status, mesh.reasons[0]?.text]).toEqual([want, reason]);
  });

  it('Kiali data: namespace DISABLE under mesh STRICT, with a DISABLE rule', () => {
    const scope = sampleScope(['kiali-validation-testdata/validations/peerauthentications/disabled_namespacewide_checker_6.yaml'], { workloads: [reviews, workload('default', 'web')] });
    const wl = scope.workloads.map((w) => workloadMtls(scope, w));
    const nss = ['bookinfo', 'default'].map((n) => namespaceMtls(scope, n, wl));
    expect(nss.map((n) => [n.status, n.reasons[0]?.text])).toEqual([
      ['disabled', 'DISABLE from PeerAuthentication bookinfo/disable-mtls-bookinfo (namespace-wide)'],
      ['enabled', 'STRICT from PeerAuthentication istio-system/mtls-mesh (mesh-wide)'],
    ]);
    expect(meshMtls(scope, nss).status).toBe('partly');
  });
});
