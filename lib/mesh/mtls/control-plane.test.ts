import { describe, expect, it } from 'vitest';
import { controlPlaneFrom, imageTag, isIstiod, istiodFrom, istiodVersion, renderPilotPushesQuery } from './control-plane';

describe('isIstiod', () => {
  it.each<[Record<string, string>, boolean]>([
    [{ app: 'istiod' }, true],
    [{ istio: 'pilot' }, true],
    [{ app: 'istio-ingressgateway', istio: 'ingressgateway' }, false],
    [{ app: 'reviews' }, false],
  ])('%j → %s', (labels, want) => expect(isIstiod(labels)).toBe(want));
});

describe('imageTag and istiodVersion', () => {
  it.each<[string, string | undefined]>([
    ['docker.io/istio/pilot:1.28.0', '1.28.0'],
    ['localhost:5000/istio/pilot:1.27.1-distroless@sha256:abc', '1.27.1-distroless'],
    ['localhost:5000/istio/pilot', undefined],
    ['pilot:', undefined],
  ])('%s → %s', (image, want) => expect(imageTag(image)).toBe(want));

  it.each<[string, { labels: Record<string, string>; images?: string[] }, string | undefined]>([
    ['the pilot image tag first', { labels: { version: '9.9', 'istio.io/rev': '1-27' }, images: ['docker.io/istio/proxyv2:1.0', 'docker.io/istio/pilot:1.28.0'] }, '1.28.0'],
    ['the lab: a version label', { labels: { app: 'istiod', version: '1.28.0', 'istio.io/rev': 'default' } }, '1.28.0'],
    ['a canary revision', { labels: { app: 'istiod', 'istio.io/rev': '1-28-0' } }, '1-28-0'],
    ['the default revision says nothing', { labels: { app: 'istiod', 'istio.io/rev': 'default' } }, undefined],
  ])('%s', (_, c, want) => expect(istiodVersion(c)).toBe(want));
});

describe('istiodFrom', () => {
  it('keeps istiod workloads, sorted, with replicas and version', () => {
    const r = (ready: number, desired: number) => ({ ready, desired, available: ready });
    expect(
      istiodFrom([
        { namespace: 'istio-system', name: 'istiod-canary', labels: { app: 'istiod', 'istio.io/rev': '1-28-0' }, replicas: r(1, 2) },
        { namespace: 'bookinfo', name: 'reviews-v1', labels: { app: 'reviews' }, replicas: r(1, 1) },
        { namespace: 'istio-system', name: 'istiod', labels: { istio: 'pilot' }, replicas: r(1, 1), images: ['docker.io/istio/pilot:1.28.0'] },
      ]),
    ).toEqual([
      { namespace: 'istio-system', name: 'istiod', version: '1.28.0', ready: 1, desired: 1 },
      { namespace: 'istio-system', name: 'istiod-canary', version: '1-28-0', ready: 1, desired: 2 },
    ]);
  });
});

describe('renderPilotPushesQuery', () => {
  it.each([
    [300, 'sum(rate(pilot_xds_pushes[5m]))'],
    [90, 'sum(rate(pilot_xds_pushes[90s]))'],
  ])('%s s → %s', (s, want) => expect(renderPilotPushesQuery(s)).toBe(want));
  it('refuses a window that is not a positive whole number of seconds', () => expect(() => renderPilotPushesQuery(0)).toThrow());
});

describe('controlPlaneFrom', () => {
  const istiod = [{ namespace: 'istio-system', name: 'istiod', ready: 1, desired: 1 }];
  it.each([
    ['pushing', istiod, 0.4, { istiod, pushing: 'yes', pushRate: 0.4 }],
    ['quiet', istiod, 0, { istiod, pushing: 'no', pushRate: 0, note: 'no configuration pushed over the window; normal when nothing changed' }],
    ['no metric', istiod, undefined, { istiod, pushing: 'unknown', note: 'Prometheus has no pilot_xds_pushes samples for the window' }],
    ['NaN', istiod, NaN, { istiod, pushing: 'unknown', note: 'Prometheus has no pilot_xds_pushes samples for the window' }],
    ['no istiod', [], undefined, { istiod: [], pushing: 'unknown', note: 'no istiod workload found (labels app=istiod or istio=pilot); Prometheus has no pilot_xds_pushes samples for the window' }],
    ['istiod down', [{ ...istiod[0]!, ready: 0 }], 0, { istiod: [{ ...istiod[0]!, ready: 0 }], pushing: 'no', pushRate: 0, note: 'istiod has no ready replicas; no configuration pushed over the window; normal when nothing changed' }],
  ] as const)('%s', (_, ds, rate, want) => expect(controlPlaneFrom([...ds], rate)).toEqual(want));
});
