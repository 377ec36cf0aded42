// The rules on small hand-written scopes: malformed specs, weights, gateway names, namespace patterns, mTLS
// against workloads, and the `only` filter.

import { describe, expect, it } from 'vitest';
import type { ConfigScope, IstioKind, IstioResource } from '../types';
import { namespaceMatches } from './authorization-policy';
import { resolveGateway } from './gateway-refs';
import { validateScope } from './index';
import { sampleScope } from '../testing';

function obj(kind: IstioKind, name: string, spec: unknown, namespace = 'default', creationTimestamp?: string): IstioResource {
  return { apiVersion: 'v1', kind, metadata: { name, namespace, ...(creationTimestamp ? { creationTimestamp } : {}) }, spec: spec as Record<string, unknown> };
}

const empty: ConfigScope = { objects: [], services: [], workloads: [], namespaces: ['default'], rootNamespace: 'istio-system' };

function codesOf(o: IstioResource, scope: ConfigScope = empty): string[] {
  const all = { ...scope, objects: [...scope.objects, o] };
  return validateScope(all, (r) => r.name === o.metadata.name && r.kind === o.kind).flatMap((v) => v.findings.map((f) => `${f.code}@${f.path}`));
}

describe('malformed specs', () => {
  it.each([
    ['VirtualService', { http: 'x' }, ['schema.invalid@spec.http']],
    ['VirtualService', { http: [null] }, ['schema.invalid@spec.http[0]']],
    ['VirtualService', { http: [{ route: [{ destination: { host: 5 } }] }] }, ['schema.invalid@spec.http[0].route[0].destination.host']],
    ['VirtualService', { gateways: [1], hosts: 'reviews' }, ['schema.invalid@spec.hosts', 'schema.invalid@spec.gateways[0]']],
    ['VirtualService', { tcp: [{ route: [{ destination: { host: '*' }, weight: -1 }] }] }, ['schema.invalid@spec.tcp[0].route[0].weight']],
    ['DestinationRule', { host: ['reviews'], subsets: [{ labels: 'v1' }] }, ['schema.invalid@spec.host', 'schema.invalid@spec.subsets[0].name', 'schema.invalid@spec.subsets[0].labels']],
    ['DestinationRule', { host: '*', trafficPolicy: { tls: 'DISABLE' } }, ['schema.invalid@spec.trafficPolicy.tls']],
    ['AuthorizationPolicy', { rules: [{ from: [{ source: { namespaces: 'x' } }] }] }, ['schema.invalid@spec.rules[0].from[0].source.namespaces', 'authz.no-workloads-in-namespace@metadata.namespace']],
    ['PeerAuthentication', { mtls: { mode: 'STRICTER' } }, ['schema.invalid@spec.mtls.mode']],
  ] as const)('%s %j', (kind, spec, expected) => {
    expect(codesOf(obj(kind, 'x', spec))).toEqual(expected);
  });

  it('survives a spec that is not an object at all', () => {
    const results = validateScope({ ...empty, objects: [obj('VirtualService', 'x', null), obj('DestinationRule', 'y', 7)] });
    expect(results.map((r) => r.valid)).toEqual([false, false]);
  });
});

describe('weights', () => {
  const route = (...weights: (number | undefined)[]) => ({
    hosts: ['*'],
    http: [{ route: weights.map((w) => ({ destination: { host: '*' }, ...(w === undefined ? {} : { weight: w }) })) }],
  });
  it.each([
    [[undefined], []],
    [[0], []],
    [[90, 10], []],
    [[100, undefined], []],
    [[undefined, undefined], ['vs.weights-not-100 error']],
    [[0, 0, 0], ['vs.weights-not-100 error']],
    [[60, 60], ['vs.weights-not-100 warning']],
    [[50, undefined], ['vs.weights-not-100 warning']],
  ])('%j', (weights, expected) => {
    const results = validateScope({ ...empty, objects: [obj('VirtualService', 'w', route(...weights))] });
    expect(results[0]?.findings.map((f) => `${f.code} ${f.severity}`)).toEqual(expected);
    expect(results[0]?.valid).toBe(!expected.some((e) => e.endsWith('error')));
  });
});

describe('names', () => {
  it.each([
    ['mesh', 'bookinfo', 'mesh'],
    ['gw', 'bookinfo', 'bookinfo/gw'],
    ['istio-system/gw', 'bookinfo', 'istio-system/gw'],
    ['gw.istio-system.svc.cluster.local', 'bookinfo', 'istio-system/gw'],
  ])('gateway %s from %s is %s', (name, ns, expected) => {
    expect(resolveGateway(name, ns)).toBe(expected);
  });

  it.each([
    ['*', 'any', true],
    ['prod-*', 'prod-httpbin', true],
    ['prod-*', 'httpbin', false],
    ['*-test', 'httpbin-test', true],
    ['*-test', 'test-httpbin', false],
    ['httpbin', 'httpbin', true],
    ['httpbin', 'httpbin2', false],
  ])('namespace pattern %s on %s: %s', (pattern, ns, expected) => {
    expect(namespaceMatches(pattern, ns)).toBe(expected);
  });
});

describe('mTLS conflicts against Bookinfo workloads', () => {
  const bookinfo = sampleScope('bookinfo/platform/kube/bookinfo.yaml');
  const disable = (host: string, extra: Record<string, unknown> = {}) => obj('DestinationRule', 'dr', { host, trafficPolicy: { tls: { mode: 'DISABLE' }, ...extra } });
  const pa = (name: string, namespace: string, spec: unknown, ts = '2024-01-01T00:00:00Z') => obj('PeerAuthentication', name, spec, namespace, ts);
  const meshStrict = pa('mesh', 'istio-system', { mtls: { mode: 'STRICT' } });

  it.each([
    ['no policy', disable('reviews'), [], []],
    ['mesh STRICT', disable('reviews'), [meshStrict], ['istio-system/mesh']],
    ['mesh STRICT, namespace PERMISSIVE', disable('reviews'), [meshStrict, pa('ns', 'default', { mtls: { mode: 'PERMISSIVE' } })], []],
    ['namespace UNSET inherits mesh STRICT', disable('reviews'), [meshStrict, pa('ns', 'default', { mtls: { mode: 'UNSET' } })], ['istio-system/mesh']],
    ['workload STRICT for reviews only', disable('ratings'), [pa('rv', 'default', { selector: { matchLabels: { app: 'reviews' } }, mtls: { mode: 'STRICT' } })], []],
    ['workload STRICT on the DR host', disable('reviews'), [pa('rv', 'default', { selector: { matchLabels: { app: 'reviews', version: 'v2' } }, mtls: { mode: 'STRICT' } })], ['default/rv']],
    ['wildcard host covers ratings', disable('*.default.svc.cluster.local'), [pa('rt', 'default', { selector: { matchLabels: { app: 'ratings' } }, mtls: { mode: 'STRICT' } })], ['default/rt']],
    ['policy in another namespace', disable('reviews'), [pa('ns', 'other', { mtls: { mode: 'STRICT' } })], []],
  ])('%s', (_name, dr, policies, expected) => {
    const scope = { ...bookinfo, objects: [...policies, dr] };
    const found = validateScope(scope).flatMap((r) => r.findings.filter((f) => f.code === 'mtls.strict-with-disable'));
    expect(found.flatMap((f) => f.related ?? []).map((r) => `${r.namespace}/${r.name}`)).toEqual(expected);
  });

  it('checks a port-level DISABLE against the port-level mode of the workload port', () => {
    const portStrict = pa('p', 'default', { selector: { matchLabels: { app: 'reviews' } }, mtls: { mode: 'PERMISSIVE' }, portLevelMtls: { 9080: { mode: 'STRICT' } } });
    const dr = obj('DestinationRule', 'dr', { host: 'reviews', trafficPolicy: { portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'DISABLE' } }] } });
    const results = validateScope({ ...bookinfo, objects: [portStrict, dr] }, (r) => r.kind === 'DestinationRule');
    expect(results[0]?.findings.map((f) => [f.code, f.path])).toEqual([['mtls.strict-with-disable', 'spec.trafficPolicy.portLevelSettings[0].tls.mode']]);
  });
});

describe('validateScope', () => {
  it('returns one clean result per object `only` accepts, using the others as context', () => {
    const scope = sampleScope('bookinfo/platform/kube/bookinfo.yaml', 'bookinfo/networking/destination-rule-all.yaml', 'bookinfo/networking/virtual-service-all-v1.yaml');
    const results = validateScope(scope, (r) => r.kind === 'VirtualService');
    expect(results.map((r) => [r.ref.name, r.valid, r.findings.length])).toEqual([
      ['productpage', true, 0],
      ['reviews', true, 0],
      ['ratings', true, 0],
      ['details', true, 0],
    ]);
  });
});
