import { describe, expect, it } from 'vitest';
import { serviceFqdn } from '../istio/hosts';
import type { IstioResource } from '../istio/types';
import { clientTlsFor, ruleFor } from './client-tls';
import { dr, sampleScope, scopeOf, tls } from './testing';

const reviews = serviceFqdn('bookinfo', 'reviews');

describe('ruleFor', () => {
  const cases: { name: string; objects: IstioResource[]; client?: string; host?: string; want: string | undefined }[] = [
    { name: 'no rule', objects: [], want: undefined },
    { name: "the client's namespace first", objects: [dr('istio-system', 'root', tls('*.local', 'DISABLE')), dr('bookinfo', 'svc', tls('reviews', 'ISTIO_MUTUAL')), dr('shop', 'client', tls('reviews.bookinfo.svc.cluster.local', 'SIMPLE'))], want: 'client' },
    { name: "then the service's namespace", objects: [dr('istio-system', 'root', tls('*.local', 'DISABLE')), dr('bookinfo', 'svc', tls('reviews', 'ISTIO_MUTUAL'))], want: 'svc' },
    { name: 'then the root namespace', objects: [dr('istio-system', 'root', tls('*.local', 'DISABLE'))], want: 'root' },
    { name: 'a root-namespace client looks in the service namespace first', client: 'istio-system', objects: [dr('istio-system', 'root', tls('*', 'DISABLE')), dr('bookinfo', 'svc', tls('reviews', 'ISTIO_MUTUAL'))], want: 'svc' },
    { name: 'a root-namespace client falls back to the root namespace', client: 'istio-system', objects: [dr('istio-system', 'root', tls('*', 'DISABLE'))], want: 'root' },
    { name: 'a namespace neither client, service nor root is ignored', objects: [dr('elsewhere', 'x', tls('reviews.bookinfo.svc.cluster.local', 'DISABLE'))], want: undefined },
    { name: 'an exact host beats *.ns.svc.cluster.local', objects: [dr('bookinfo', 'wild', tls('*.bookinfo.svc.cluster.local', 'DISABLE'), 0), dr('bookinfo', 'exact', tls('reviews', 'ISTIO_MUTUAL'), 5)], want: 'exact' },
    { name: '*.ns.svc.cluster.local beats *', objects: [dr('bookinfo', 'all', tls('*', 'DISABLE'), 0), dr('bookinfo', 'wild', tls('*.bookinfo.svc.cluster.local', 'ISTIO_MUTUAL'), 5)], want: 'wild' },
    { name: '*.local matches a service', objects: [dr('bookinfo', 'local', tls('*.local', 'DISABLE'))], want: 'local' },
    { name: 'a wildcard for another namespace does not match', objects: [dr('bookinfo', 'wild', tls('*.shop.svc.cluster.local', 'DISABLE'))], want: undefined },
    { name: 'a short host means a service of the rule namespace', client: 'shop', objects: [dr('shop', 'short', tls('reviews', 'DISABLE'))], want: undefined },
    { name: 'equal hosts: the oldest wins', objects: [dr('bookinfo', 'aaa-new', tls('reviews', 'DISABLE'), 5), dr('bookinfo', 'zzz-old', tls('reviews', 'ISTIO_MUTUAL'), 1)], want: 'zzz-old' },
    { name: 'a workloadSelector rule is left out', objects: [dr('bookinfo', 'sel', tls('reviews', 'DISABLE', { workloadSelector: { matchLabels: { app: 'productpage' } } }))], want: undefined },
    { name: 'exportTo "." hides a service-namespace rule from other namespaces', objects: [dr('bookinfo', 'private', tls('reviews', 'DISABLE', { exportTo: ['.'] }))], want: undefined },
    { name: 'exportTo "." keeps it for its own namespace', client: 'bookinfo', objects: [dr('bookinfo', 'private', tls('reviews', 'DISABLE', { exportTo: ['.'] }))], want: 'private' },
    { name: 'exportTo naming the client namespace', objects: [dr('bookinfo', 'shared', tls('reviews', 'DISABLE', { exportTo: ['shop'] }))], want: 'shared' },
    { name: 'a hidden rule lets the next namespace decide', objects: [dr('bookinfo', 'private', tls('reviews', 'DISABLE', { exportTo: ['.'] })), dr('istio-system', 'root', tls('*', 'ISTIO_MUTUAL'))], want: 'root' },
  ];
  it.each(cases)('$name', ({ objects, client = 'shop', host = reviews, want }) => {
    expect(ruleFor(scopeOf(objects), client, host)?.metadata.name).toBe(want);
  });
});

describe('clientTlsFor', () => {
  const layered = dr('bookinfo', 'layered', {
    host: 'reviews',
    trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' }, portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'DISABLE' } }, { port: { number: 8000 }, loadBalancer: { simple: 'RANDOM' } }] },
    subsets: [
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { tls: { mode: 'SIMPLE' } } },
      { name: 'v3', labels: { version: 'v3' }, trafficPolicy: { portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'MUTUAL' } }] } },
    ],
  });
  const cases: { name: string; port?: number; subset?: string; want: [string | undefined, string | undefined] }[] = [
    { name: 'top level', want: ['ISTIO_MUTUAL', 'spec.trafficPolicy.tls.mode'] },
    { name: 'a port-level setting overrides', port: 9080, want: ['DISABLE', 'spec.trafficPolicy.portLevelSettings[0].tls.mode'] },
    { name: 'a port-level setting without tls keeps the top level', port: 8000, want: ['ISTIO_MUTUAL', 'spec.trafficPolicy.tls.mode'] },
    { name: 'a subset without a policy keeps the rule', subset: 'v1', port: 9080, want: ['DISABLE', 'spec.trafficPolicy.portLevelSettings[0].tls.mode'] },
    { name: "a subset's policy overrides top and port level", subset: 'v2', port: 9080, want: ['SIMPLE', 'spec.subsets[1].trafficPolicy.tls.mode'] },
    { name: "a subset's port-level setting", subset: 'v3', port: 9080, want: ['MUTUAL', 'spec.subsets[2].trafficPolicy.portLevelSettings[0].tls.mode'] },
    { name: "a subset's port-level setting for another port", subset: 'v3', port: 8000, want: ['ISTIO_MUTUAL', 'spec.trafficPolicy.tls.mode'] },
    { name: 'an unknown subset is the rule', subset: 'v9', want: ['ISTIO_MUTUAL', 'spec.trafficPolicy.tls.mode'] },
  ];
  it.each(cases)('$name', ({ port, subset, want }) => {
    const d = clientTlsFor(scopeOf([layered]), 'shop', reviews, port, subset);
    expect([d.mode, d.path]).toEqual(want);
    expect(d.rule).toEqual({ kind: 'DestinationRule', namespace: 'bookinfo', name: 'layered' });
  });

  it.each([
    { name: 'no rule: auto mTLS', objects: [], want: {} },
    { name: 'a rule without tls: auto mTLS, the rule named', objects: [dr('bookinfo', 'lb', { host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } })], want: { rule: { kind: 'DestinationRule', namespace: 'bookinfo', name: 'lb' } } },
    { name: 'a tls block without a mode is DISABLE', objects: [dr('bookinfo', 'sni', { host: 'reviews', trafficPolicy: { tls: { sni: 'reviews' } } })], want: { mode: 'DISABLE', path: 'spec.trafficPolicy.tls.mode', rule: { kind: 'DestinationRule', namespace: 'bookinfo', name: 'sni' } } },
  ])('$name', ({ objects, want }) => {
    expect(clientTlsFor(scopeOf(objects), 'shop', reviews)).toEqual(want);
  });
});

describe('on Istio and Kiali samples', () => {
  const kiali = (f: string) => `kiali-validation-testdata/validations/${f}`;
  const cases: { name: string; files: string[]; client: string; host: string; want: [string | undefined, string | undefined] }[] = [
    { name: 'bookinfo all-mtls: ISTIO_MUTUAL', files: ['bookinfo/networking/destination-rule-all-mtls.yaml'], client: 'default', host: serviceFqdn('default', 'reviews'), want: ['ISTIO_MUTUAL', 'reviews'] },
    { name: 'doc examples: a workloadSelector rule is left out', files: ['istio-api-doc-examples/destination_rule.examples.yaml'], client: 'default', host: 'example.com', want: [undefined, undefined] },
    { name: 'doc examples: *.foo.com SIMPLE', files: ['istio-api-doc-examples/destination_rule.examples.yaml'], client: 'default', host: 'api.foo.com', want: ['SIMPLE', 'tls-foo'] },
    { name: 'doc examples: the oldest of equal hosts', files: ['istio-api-doc-examples/destination_rule.examples.yaml'], client: 'default', host: 'ratings.prod.svc.cluster.local', want: [undefined, 'bookinfo-ratings'] },
    { name: 'Kiali: exact details beats *.bookinfo DISABLE', files: [kiali('peerauthentications/disabled_namespacewide_checker_1.yaml')], client: 'bookinfo', host: serviceFqdn('bookinfo', 'details'), want: ['ISTIO_MUTUAL', 'details-enable-mtls'] },
    { name: 'Kiali: other services get *.bookinfo DISABLE', files: [kiali('peerauthentications/disabled_namespacewide_checker_1.yaml')], client: 'bookinfo', host: serviceFqdn('bookinfo', 'reviews'), want: ['DISABLE', 'disable-mtls-bookinfo'] },
    { name: 'Kiali: service namespace before root *.local', files: [kiali('peerauthentications/disabled_namespacewide_checker_3.yaml')], client: 'default', host: serviceFqdn('bookinfo', 'details'), want: ['ISTIO_MUTUAL', 'details-enable-mtls'] },
    { name: 'Kiali: root *.local for the rest', files: [kiali('peerauthentications/disabled_namespacewide_checker_3.yaml')], client: 'default', host: serviceFqdn('bookinfo', 'reviews'), want: ['DISABLE', 'disable-mesh-mtls'] },
    { name: 'Kiali: *.local in bookinfo is not mesh-wide', files: [kiali('destinationrules/disabled_meshwide_checker_2.yaml')], client: 'default', host: serviceFqdn('default', 'x'), want: [undefined, undefined] },
    { name: 'Kiali: *.local in bookinfo serves its own clients', files: [kiali('destinationrules/disabled_meshwide_checker_2.yaml')], client: 'bookinfo', host: serviceFqdn('default', 'x'), want: ['DISABLE', 'disable-mesh-mtls'] },
  ];
  it.each(cases)('$name', ({ files, client, host, want }) => {
    const d = clientTlsFor(sampleScope(files), client, host);
    expect([d.mode, d.rule?.name]).toEqual(want);
  });
});
