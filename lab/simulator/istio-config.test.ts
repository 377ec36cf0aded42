import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../paths';
import {
  compareByAge,
  hostMatchSpecificity,
  labelsMatch,
  namespaceOfHost,
  parseDurationMs,
  parseIstioObject,
  resolveHost,
} from './istio-config';

const SAMPLES = resolve(ROOT, '../shared/reference/istio-samples');

function yamlDocs(relative: string): unknown[] {
  return parseAllDocuments(readFileSync(join(SAMPLES, relative), 'utf8'))
    .map((d) => d.toJS() as unknown)
    .filter((d) => d !== null && d !== undefined);
}

/** The documents of `# example N` in an istio/api examples file (a numbered document and those that follow it). */
function example(relative: string, n: number): unknown[] {
  const out: unknown[] = [];
  let current = 0;
  for (const d of parseAllDocuments(readFileSync(join(SAMPLES, relative), 'utf8'))) {
    const number = /example (\d+)/.exec(d.contents?.commentBefore ?? '')?.[1];
    if (number) current = Number(number);
    if (current === n) out.push(d.toJS());
  }
  return out;
}

function kindOf(doc: unknown): unknown {
  return typeof doc === 'object' && doc !== null && 'kind' in doc ? doc.kind : undefined;
}

const SUPPORTED = new Set(['VirtualService', 'DestinationRule', 'PeerAuthentication']);

describe('parseIstioObject on real Istio YAML', () => {
  const files = [
    ...readdirSync(join(SAMPLES, 'bookinfo/networking')).map((f) => `bookinfo/networking/${f}`),
    'istio-api-doc-examples/virtual_service.examples.yaml',
    'istio-api-doc-examples/destination_rule.examples.yaml',
    'istio-api-doc-examples/peer_authentication.examples.yaml',
    'istio-analyzer-testdata/virtualservice_conflictingmeshgatewayhosts.yaml',
    'istio-analyzer-testdata/destinationrule-compound-simple-mutual.yaml',
    'kiali-validation-testdata/validations/peerauthentications/disabled_meshwide_checker_1.yaml',
  ];
  it.each(files)('reads every VirtualService, DestinationRule and PeerAuthentication in %s', (file) => {
    const docs = yamlDocs(file).filter((d) => SUPPORTED.has(String(kindOf(d))));
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const parsed = parseIstioObject(doc);
      expect(parsed, JSON.stringify(doc).slice(0, 120)).toMatchObject({ ok: true, kind: kindOf(doc) });
    }
  });

  it('refuses the Gateway in bookinfo-gateway.yaml and keeps its VirtualService', () => {
    const results = yamlDocs('bookinfo/networking/bookinfo-gateway.yaml').map(parseIstioObject);
    expect(results.map((r) => (r.ok ? r.kind : r.reason))).toEqual(['unsupported kind Gateway', 'VirtualService']);
  });

  it('keeps the fields routing needs from virtual-service-ratings-test-delay.yaml', () => {
    const [doc] = yamlDocs('bookinfo/networking/virtual-service-ratings-test-delay.yaml');
    const parsed = parseIstioObject(doc);
    if (!parsed.ok || parsed.kind !== 'VirtualService') throw new Error('expected a VirtualService');
    expect(parsed.value.metadata).toEqual({ name: 'ratings', namespace: 'default' });
    expect(parsed.value.spec.hosts).toEqual(['ratings']);
    expect(parsed.value.spec.http?.[0]?.fault?.delay).toEqual({ percentage: { value: 100 }, fixedDelay: '7s' });
    expect(parsed.value.spec.http?.[0]?.match?.[0]?.headers).toEqual({ 'end-user': { exact: 'jason' } });
  });
});

const vs = (apiVersion: string, extra: Record<string, unknown> = {}) => ({
  apiVersion,
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', ...extra },
  spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
});

describe('parseIstioObject on edge cases', () => {
  it.each([
    ['networking.istio.io/v1alpha3', true],
    ['networking.istio.io/v1beta1', true],
    ['networking.istio.io/v1', true],
    ['networking.istio.io/v2', false],
    ['security.istio.io/v1', false],
    ['networking.istio.io', false],
  ])('VirtualService at %s → ok %s', (apiVersion, ok) => {
    expect(parseIstioObject(vs(apiVersion)).ok).toBe(ok);
  });

  it.each([
    ['null', null, 'not an object'],
    ['a string', 'VirtualService', 'not an object'],
    ['an array', [vs('networking.istio.io/v1')], 'not an object'],
    ['no kind', { apiVersion: 'networking.istio.io/v1' }, 'apiVersion and kind are required'],
    ['an unknown kind', { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar' }, 'unsupported kind Sidecar'],
    ['a missing name', { ...vs('networking.istio.io/v1'), metadata: { namespace: 'x' } }, 'metadata.name'],
    [
      'a weight that is not a number',
      { ...vs('networking.istio.io/v1'), spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' }, weight: 'heavy' }] }] } },
      'spec.http.0.route.0.weight',
    ],
    ['a DestinationRule without host', { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'x' }, spec: {} }, 'spec.host'],
    [
      'an unknown mTLS mode',
      { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'x' }, spec: { mtls: { mode: 'SOMETIMES' } } },
      'spec.mtls.mode',
    ],
  ])('rejects %s with a reason', (_label, input, reason) => {
    const parsed = parseIstioObject(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('never throws, even on an object whose getter throws', () => {
    const hostile = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' };
    Object.defineProperty(hostile, 'metadata', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(parseIstioObject(hostile)).toEqual({ ok: false, reason: 'boom' });
  });

  it('keeps unknown fields, drops nulls and turns a client-node Date into an RFC 3339 string', () => {
    const input = {
      ...vs('networking.istio.io/v1', { creationTimestamp: new Date('2024-05-01T10:00:00Z'), uid: 'u-1' }),
      spec: { hosts: ['reviews'], exportTo: ['.'], http: [{ match: null, route: [{ destination: { host: 'reviews', subset: null } }] }] },
    };
    const parsed = parseIstioObject(input);
    if (!parsed.ok || parsed.kind !== 'VirtualService') throw new Error('expected a VirtualService');
    expect(parsed.value.metadata).toEqual({ name: 'reviews', namespace: 'bookinfo', creationTimestamp: '2024-05-01T10:00:00.000Z', uid: 'u-1' });
    expect(parsed.value.spec.exportTo).toEqual(['.']);
    expect(parsed.value.spec.http?.[0]).toEqual({ route: [{ destination: { host: 'reviews' } }] });
  });

  it('reads a delegate VirtualService, which has no hosts, as owning none', () => {
    const parsed = parseIstioObject(example('istio-api-doc-examples/virtual_service.examples.yaml', 9)[0]);
    expect(parsed.ok && parsed.kind === 'VirtualService' ? parsed.value.spec.hosts : 'failed').toEqual([]);
  });
});

describe('parseDurationMs', () => {
  it.each([
    ['10s', 10_000],
    ['0.5s', 500],
    ['1.5s', 1500],
    ['100ms', 100],
    ['1m', 60_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2us', 0.002],
    ['2µs', 0.002],
    ['1500ns', 0.0015],
    ['.5s', 500],
    ['0', 0],
    ['0s', 0],
    [' 7s ', 7000],
    ['1.000340012s', 1000.340012],
  ])('%s → %s ms', (text, ms) => {
    expect(parseDurationMs(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', 's', '10', '-1s', '+1s', '1d', '1 s', '10sec', 'abc', '1s2', '1..5s', 'NaNs', '5', '1e3s'])('%j → undefined', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe('host helpers', () => {
  it.each([
    ['reviews', 'bookinfo', 'reviews.bookinfo.svc.cluster.local'],
    ['Reviews', 'bookinfo', 'reviews.bookinfo.svc.cluster.local'],
    ['reviews.bookinfo', 'default', 'reviews.bookinfo'],
    ['reviews.other.svc.cluster.local', 'bookinfo', 'reviews.other.svc.cluster.local'],
    ['*', 'bookinfo', '*'],
    ['*.example.com', 'bookinfo', '*.example.com'],
    ['10.0.0.1', 'bookinfo', '10.0.0.1'],
  ])('resolveHost(%s, %s) = %s', (host, ns, want) => {
    expect(resolveHost(host, ns)).toBe(want);
  });

  it.each([
    ['reviews.bookinfo.svc.cluster.local', 'reviews.bookinfo.svc.cluster.local', Number.POSITIVE_INFINITY],
    ['reviews.bookinfo.svc.cluster.local', 'reviews.other.svc.cluster.local', undefined],
    ['*.bookinfo.svc.cluster.local', 'reviews.bookinfo.svc.cluster.local', 28],
    ['*.cluster.local', 'reviews.bookinfo.svc.cluster.local', 15],
    ['*.example.com', 'example.com', undefined],
    ['*.example.com', 'a.b.example.com', 13],
    ['*', 'anything.at.all', 1],
  ])('hostMatchSpecificity(%s, %s) = %s', (configHost, requestHost, want) => {
    expect(hostMatchSpecificity(configHost, requestHost)).toBe(want);
  });

  it.each([
    ['reviews.bookinfo.svc.cluster.local', 'bookinfo'],
    ['reviews.bookinfo', undefined],
    ['example.com', undefined],
    ['a.b.svc.other.local', undefined],
  ])('namespaceOfHost(%s) = %s', (host, want) => {
    expect(namespaceOfHost(host)).toBe(want);
  });

  it.each([
    [{ app: 'reviews' }, { app: 'reviews', version: 'v1' }, true],
    [{ app: 'reviews', version: 'v2' }, { app: 'reviews', version: 'v1' }, false],
    [{}, { app: 'x' }, true],
    [undefined, {}, true],
  ])('labelsMatch(%j, %j) = %s', (selector, labels, want) => {
    expect(labelsMatch(selector, labels)).toBe(want);
  });

  const meta = (name: string, namespace: string, creationTimestamp?: string) => ({ metadata: { name, namespace, creationTimestamp } });
  it.each([
    ['older first', meta('b', 'x', '2024-01-01T00:00:00Z'), meta('a', 'x', '2024-01-02T00:00:00Z'), -1],
    ['same time: name first', meta('a', 'z', '2024-01-01T00:00:00Z'), meta('b', 'a', '2024-01-01T00:00:00Z'), -1],
    ['same time and name: namespace', meta('a', 'b', '2024-01-01T00:00:00Z'), meta('a', 'a', '2024-01-01T00:00:00Z'), 1],
    ['no timestamp counts as oldest', meta('z', 'z'), meta('a', 'a', '2024-01-01T00:00:00Z'), -1],
  ])('compareByAge: %s', (_label, a, b, sign) => {
    expect(Math.sign(compareByAge(a, b))).toBe(sign);
  });
});
