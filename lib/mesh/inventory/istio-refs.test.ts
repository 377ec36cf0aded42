import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../lab/paths';
import { parseIstioList } from './istio-parse';
import { appliesToWorkload, serviceOfHost, serviceRefs, sortRefs, workloadRefs } from './istio-refs';
import { istio, istioListOf } from './testing';

const ANALYZER = join(ROOT, '..', 'shared', 'reference', 'istio-samples', 'istio-analyzer-testdata');

describe('serviceOfHost', () => {
  it.each([
    ['reviews', 'bookinfo', { namespace: 'bookinfo', name: 'reviews' }],
    ['reviews.prod.svc.cluster.local', 'bookinfo', { namespace: 'prod', name: 'reviews' }],
    // Istio reads only dot-free names as short; these are hosts of their own, not the Kubernetes service.
    ['reviews.prod', 'bookinfo', undefined],
    ['reviews.prod.svc', 'bookinfo', undefined],
    ['a.b.c.svc.cluster.local', 'bookinfo', undefined],
    ['*', 'bookinfo', undefined],
    ['*.prod.svc.cluster.local', 'bookinfo', undefined],
    ['wikipedia.org', 'bookinfo', undefined],
  ])('%s in %s → %o', (host, ns, expected) => {
    expect(serviceOfHost(host, ns)).toEqual(expected);
  });
});

describe('serviceRefs on Istio analyzer test data', () => {
  const text = readFileSync(join(ANALYZER, 'virtualservice_destinationhosts.yaml'), 'utf8');
  const objects = [...(parseIstioList('VirtualService', istioListOf(text, 'VirtualService')) ?? []), ...(parseIstioList('ServiceEntry', istioListOf(text, 'ServiceEntry')) ?? [])];
  const names = (ns: string, svc: string) => serviceRefs(objects, ns, svc).map((r) => `${r.namespace}/${r.name}`);

  it('finds VirtualServices by short name in their namespace and by FQDN from anywhere', () => {
    expect(names('default', 'reviews')).toEqual([
      'default/reviews',
      'default/reviews-bogusport',
      'default/reviews-fqdn',
      'default/reviews-mirror',
      'default/reviews-mirror-bogushost',
      'istio-system/cross-namespace',
    ]);
  });

  it('does not read a short host in another namespace as this one', () => {
    // istio-system's `hosts: [details]` means istio-system's details; only its FQDN destination points here.
    expect(names('istio-system', 'details')).toEqual(['istio-system/cross-namespace-details']);
    expect(names('default', 'details')).toEqual(['banana/banana-details', 'istio-system/cross-namespace-details']);
  });

  it('leaves external and wildcard hosts out', () => {
    expect(objects.flatMap((o) => o.hosts).some((h) => h.includes('bookinfo.com'))).toBe(true);
    expect(names('default', 'reviews-2port')).toEqual(['default/reviews-2port-missing', 'default/reviews-2port-present']);
  });

  it('links a DestinationRule by its host, in sorted order without duplicates', () => {
    const dr = istio('DestinationRule', 'reviews', { hosts: ['reviews'] });
    const vs = istio('VirtualService', 'reviews', { hosts: ['reviews', 'reviews.bookinfo.svc.cluster.local'] });
    expect(serviceRefs([vs, dr, vs], 'bookinfo', 'reviews')).toEqual([
      { kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' },
      { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' },
    ]);
  });
});

describe('workload refs', () => {
  const ratings = { app: 'ratings', version: 'v1' };

  it.each([
    ['a namespace-wide PeerAuthentication', istio('PeerAuthentication', 'default'), true],
    ['a namespace-wide AuthorizationPolicy of another namespace', istio('AuthorizationPolicy', 'deny', { namespace: 'travel' }), false],
    ['a RequestAuthentication selecting the app', istio('RequestAuthentication', 'jwt', { selector: { app: 'ratings' } }), true],
    ['a Sidecar selecting another version', istio('Sidecar', 'egress', { selector: { app: 'ratings', version: 'v2' } }), false],
    ['a namespace-wide Sidecar', istio('Sidecar', 'default'), true],
    ['a policy attached by targetRefs', istio('AuthorizationPolicy', 'waypoint', { targetRefs: true }), false],
    ['a ServiceEntry selecting the workload', istio('ServiceEntry', 'vm', { selector: { app: 'ratings' } }), true],
    ['a ServiceEntry without selector', istio('ServiceEntry', 'ext', { hosts: ['api.example.com'] }), false],
    ['a VirtualService (it names services, not workloads)', istio('VirtualService', 'ratings', { hosts: ['ratings'] }), false],
    ['a Gateway of another namespace selecting it', istio('Gateway', 'gw', { namespace: 'travel', selector: { app: 'ratings' } }), true],
    ['a Gateway without selector', istio('Gateway', 'gw'), false],
  ])('%s → %s', (_, object, applies) => {
    expect(appliesToWorkload(object, 'bookinfo', ratings)).toBe(applies);
  });

  it('finds the Gateway that selects a custom ingress gateway pod (analyzer test data)', () => {
    const text = readFileSync(join(ANALYZER, 'gateway-custom-ingressgateway.yaml'), 'utf8');
    const gateways = parseIstioList('Gateway', istioListOf(text, 'Gateway'), 'apps') ?? [];
    expect(workloadRefs(gateways, 'ingress', { myapp: 'private-ingressgateway' })).toEqual([{ kind: 'Gateway', namespace: 'apps', name: 'httpbin-gateway' }]);
    expect(workloadRefs(gateways, 'ingress', { myapp: 'public-ingressgateway' })).toEqual([]);
  });

  it('sorts by kind, namespace and name', () => {
    const refs = sortRefs([
      { kind: 'Sidecar', namespace: 'b', name: 'x' },
      { kind: 'PeerAuthentication', namespace: 'b', name: 'z' },
      { kind: 'PeerAuthentication', namespace: 'a', name: 'z' },
      { kind: 'AuthorizationPolicy', namespace: 'b', name: 'y' },
    ]);
    expect(refs.map((r) => `${r.kind}/${r.namespace}/${r.name}`)).toEqual(['AuthorizationPolicy/b/y', 'PeerAuthentication/a/z', 'PeerAuthentication/b/z', 'Sidecar/b/x']);
  });
});
