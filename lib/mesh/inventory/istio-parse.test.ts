import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../lab/paths';
import { parseIstioList } from './istio-parse';
import type { IstioObject } from './objects';
import { istioListOf } from './testing';
import type { IstioRef } from './types';

// Istio's own samples and reference-doc examples (../shared/reference/SOURCES.md).
const SAMPLES = join(ROOT, '..', 'shared', 'reference', 'istio-samples');

const listOf = (kind: IstioRef['kind'], ...path: string[]) => istioListOf(readFileSync(join(SAMPLES, ...path), 'utf8'), kind);

const parse = (kind: IstioRef['kind'], ...path: string[]): IstioObject[] => parseIstioList(kind, listOf(kind, ...path), 'fallback-ns') ?? [];
const byName = (objects: IstioObject[], name: string) => objects.find((o) => o.name === name);

describe('parseIstioList on Istio samples', () => {
  it('reads a Gateway selector and a VirtualService with its route destinations', () => {
    const [gateway] = parse('Gateway', 'bookinfo', 'networking', 'bookinfo-gateway.yaml');
    expect(gateway).toEqual({ kind: 'Gateway', namespace: 'fallback-ns', name: 'bookinfo-gateway', hosts: [], selector: { istio: 'ingressgateway' }, targetRefs: false });
    const [vs] = parse('VirtualService', 'bookinfo', 'networking', 'bookinfo-gateway.yaml');
    expect(vs?.hosts).toEqual(['*', 'productpage']);
  });

  it('reads DestinationRule hosts', () => {
    expect(parse('DestinationRule', 'bookinfo', 'networking', 'destination-rule-all.yaml').map((d) => d.hosts)).toEqual([['productpage'], ['reviews'], ['ratings'], ['details']]);
  });

  it('collects hosts from routes and mirrors, each once', () => {
    const objects = parse('VirtualService', 'istio-analyzer-testdata', 'virtualservice_destinationhosts.yaml');
    expect(byName(objects, 'reviews-mirror-bogushost')?.hosts).toEqual(['reviews', 'reviews-bogus']);
    expect(byName(objects, 'cross-namespace')).toMatchObject({ namespace: 'istio-system', hosts: ['reviews', 'reviews.default.svc.cluster.local'] });
    // A route entry without a destination is skipped, not an error.
    expect(byName(objects, 'reviews-bogushost')?.hosts).toEqual(['reviews-bogus']);
  });

  it('tells namespace-wide policies from selected ones', () => {
    const pas = parse('PeerAuthentication', 'istio-api-doc-examples', 'peer_authentication.examples.yaml');
    expect(pas.map((p) => [p.name, p.selector ?? null])).toEqual([
      ['default', null],
      ['default', null],
      ['finance', { app: 'finance' }],
      ['default', { app: 'finance' }],
      ['default', { app: 'finance' }],
    ]);
    const aps = parse('AuthorizationPolicy', 'istio-api-doc-examples', 'authorization_policy.examples.yaml');
    expect(aps.filter((a) => a.name === 'allow-nothing').map((a) => [a.namespace, a.selector ?? null])).toEqual([
      ['foo', null],
      ['bar', { app: 'httpbin' }],
      ['istio-system', { version: 'v1' }],
    ]);
  });

  it.each([
    ['Sidecar', { workloadSelector: { labels: { app: 'ratings' } } }, { selector: { app: 'ratings' }, targetRefs: false }],
    ['Sidecar', { egress: [{ hosts: ['./*'] }] }, { targetRefs: false }],
    ['ServiceEntry', { hosts: ['api.example.com'], workloadSelector: { labels: { app: 'vm' } } }, { hosts: ['api.example.com'], selector: { app: 'vm' } }],
    ['AuthorizationPolicy', { targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }] }, { targetRefs: true }],
    ['RequestAuthentication', { targetRef: { kind: 'Gateway', name: 'ingress' }, jwtRules: [] }, { targetRefs: true }],
    ['PeerAuthentication', { selector: { matchLabels: {} } }, { targetRefs: false }],
    ['VirtualService', { hosts: ['r'], tcp: [{ route: [{ destination: { host: 'db' } }] }], tls: [{ route: [{ destination: { host: 'r' } }] }] }, { hosts: ['r', 'db'] }],
  ] as const)('%s %j', (kind, spec, expected) => {
    const [o] = parseIstioList(kind, { items: [{ metadata: { name: 'x', namespace: 'ns' }, spec }] }) ?? [];
    expect(o).toMatchObject(expected);
    if (!('selector' in expected)) expect(o?.selector).toBeUndefined();
  });

  it('leaves out an object whose spec has the wrong shape, and rejects what is not a list', () => {
    const items = [
      { metadata: { name: 'broken', namespace: 'ns' }, spec: { selector: { matchLabels: 'app=x' } } },
      { metadata: { name: 'fine', namespace: 'ns' } },
    ];
    expect(parseIstioList('PeerAuthentication', { items })?.map((o) => o.name)).toEqual(['fine']);
    expect(parseIstioList('VirtualService', { kind: 'Status', code: 404 })).toBeUndefined();
    expect(parseIstioList('VirtualService', { items: [{ spec: {} }] })).toBeUndefined();
  });
});
