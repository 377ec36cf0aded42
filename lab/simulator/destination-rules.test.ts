import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docs, mesh, place } from '../testing/istio-fixtures';
import { OUTLIER_DEFAULTS, subsetLabels, trafficPolicyFor } from './destination-rules';





const svc = (name: string, ns = 'bookinfo') => `${name}.${ns}.svc.cluster.local`;
const bookinfo = (file: string) => place(docs(`bookinfo/networking/${file}`), 'bookinfo');
const dr = (name: string, namespace: string, spec: string, createdAt?: string) =>
  place([{ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name }, spec: parse(spec) as unknown }], namespace, createdAt);
const EXAMPLES = 'istio-api-doc-examples/destination_rule.examples.yaml';

describe('subsetLabels', () => {
  const all = mesh(bookinfo('destination-rule-all.yaml'));
  it.each([
    ['bookinfo', svc('reviews'), 'v2', { version: 'v2' }],
    ['bookinfo', svc('ratings'), 'v2-mysql-vm', { version: 'v2-mysql-vm' }],
    ['bookinfo', svc('productpage'), 'v1', { version: 'v1' }],
    ['frontend', svc('details'), 'v2', { version: 'v2' }],
    ['istio-system', svc('reviews'), 'v3', { version: 'v3' }],
    ['bookinfo', svc('reviews'), 'v4', undefined],
    ['bookinfo', svc('reviews', 'other'), 'v1', undefined],
    ['bookinfo', 'reviews.bookinfo', 'v1', undefined],
  ])('destination-rule-all.yaml from %s: %s subset %s → %j', (client, host, subset, want) => {
    expect(subsetLabels(all, client, host, subset)).toEqual(want);
  });

  it('kiali subset-presence-matching-subsets-diff-ns: a short host in diff-ns names reviews.diff-ns only', () => {
    const config = mesh(docs('kiali-validation-testdata/validations/virtualservices/subset-presence-matching-subsets-diff-ns.yaml'));
    expect(subsetLabels(config, 'bookinfo', svc('reviews'), 'v1')).toBeUndefined();
    expect(subsetLabels(config, 'diff-ns', svc('reviews', 'diff-ns'), 'v1')).toEqual({ version: 'v1' });
  });

  it.each([
    ['the client namespace first', 'frontend', { version: 'client' }],
    ['then the service namespace', 'elsewhere', { version: 'service' }],
    ['the ingress gateway in the root namespace skips to the service namespace', 'istio-system', { version: 'service' }],
  ])('lookup order: %s', (_label, client, want) => {
    const config = mesh(
      dr('mine', 'frontend', `{ host: ${svc('reviews')}, subsets: [{ name: v1, labels: { version: client } }] }`),
      dr('svc', 'bookinfo', '{ host: reviews, subsets: [{ name: v1, labels: { version: service } }] }'),
      dr('mesh', 'istio-system', `{ host: "*.local", subsets: [{ name: v1, labels: { version: root } }] }`),
    );
    expect(subsetLabels(config, client, svc('reviews'), 'v1')).toEqual(want);
  });

  it('falls back to the root namespace', () => {
    const config = mesh(dr('mesh', 'istio-system', '{ host: "*.local", subsets: [{ name: v1, labels: { version: root } }] }'));
    expect(subsetLabels(config, 'frontend', svc('reviews'), 'v1')).toEqual({ version: 'root' });
  });

  it('merges rules for one host in one namespace: the older keeps its subsets and policy, the newer adds subsets', () => {
    const config = mesh(
      dr('newer', 'bookinfo', '{ host: reviews, trafficPolicy: { tls: { mode: ISTIO_MUTUAL } }, subsets: [{ name: v1, labels: { version: new } }, { name: v2, labels: { version: v2 } }] }', '2024-02-01T00:00:00Z'),
      dr('older', 'bookinfo', '{ host: reviews, trafficPolicy: { tls: { mode: DISABLE } }, subsets: [{ name: v1, labels: { version: v1 } }] }', '2024-01-01T00:00:00Z'),
    );
    expect([subsetLabels(config, 'bookinfo', svc('reviews'), 'v1'), subsetLabels(config, 'bookinfo', svc('reviews'), 'v2')]).toEqual([{ version: 'v1' }, { version: 'v2' }]);
    expect(trafficPolicyFor(config, 'bookinfo', svc('reviews'))).toEqual({ tlsMode: 'DISABLE', decidedBy: ['bookinfo/older', 'bookinfo/newer'] });
  });

  it('leaves out rules with a workloadSelector (istio/api example 4)', () => {
    const config = mesh(place(docs(EXAMPLES, 4), 'default'));
    expect(trafficPolicyFor(config, 'default', 'example.com', undefined, 31443)).toEqual({});
  });
});

describe('trafficPolicyFor', () => {
  it.each(['productpage', 'reviews', 'ratings', 'details'])('destination-rule-all-mtls.yaml: %s → ISTIO_MUTUAL', (name) => {
    const config = mesh(bookinfo('destination-rule-all-mtls.yaml'));
    expect(trafficPolicyFor(config, 'bookinfo', svc(name), 'v1', 9080)).toEqual({ tlsMode: 'ISTIO_MUTUAL', decidedBy: [`bookinfo/${name}`] });
  });

  it('destination-rule-all.yaml says nothing about TLS (auto mTLS applies)', () => {
    expect(trafficPolicyFor(mesh(bookinfo('destination-rule-all.yaml')), 'bookinfo', svc('reviews'), 'v2')).toEqual({ decidedBy: ['bookinfo/reviews'] });
  });

  it('no rule → nothing', () => {
    expect(trafficPolicyFor(mesh(), 'bookinfo', svc('reviews'))).toEqual({});
  });

  it.each([
    ['kiali disabled_namespacewide_checker_1: the exact host beats the wildcard', 'peerauthentications/disabled_namespacewide_checker_1.yaml', svc('details'), { tlsMode: 'ISTIO_MUTUAL', decidedBy: ['bookinfo/details-enable-mtls'] }],
    ['…and the wildcard covers the rest', 'peerauthentications/disabled_namespacewide_checker_1.yaml', svc('reviews'), { tlsMode: 'DISABLE', decidedBy: ['bookinfo/disable-mtls-bookinfo'] }],
    ['kiali disabled_meshwide_checker_1: *.local in the root namespace', 'peerauthentications/disabled_meshwide_checker_1.yaml', svc('reviews'), { tlsMode: 'DISABLE', decidedBy: ['istio-system/disable-mesh-mtls'] }],
    ['…and the service namespace (istio-system) has grafana exactly', 'peerauthentications/disabled_meshwide_checker_1.yaml', svc('grafana', 'istio-system'), { tlsMode: 'ISTIO_MUTUAL', decidedBy: ['istio-system/grafana-enable-mtls'] }],
  ])('%s', (_label, file, host, want) => {
    expect(trafficPolicyFor(mesh(docs(`kiali-validation-testdata/validations/${file}`)), 'bookinfo', host, undefined, 9080)).toEqual(want);
  });

  it('istio/api example 9: circuit breaker with outlier detection', () => {
    const config = mesh(place(docs(EXAMPLES, 9), 'prod'));
    expect(trafficPolicyFor(config, 'prod', svc('reviews', 'prod'))).toEqual({
      outlierDetection: { consecutive5xxErrors: 7, intervalMs: 300_000, baseEjectionTimeMs: 900_000, maxEjectionPercent: 10 },
      connectionPool: { tcp: { maxConnections: 100 }, http: { http2MaxRequests: 1000, maxRequestsPerConnection: 10 } },
      decidedBy: ['prod/reviews-cb-policy'],
    });
  });

  it.each([
    [10, 'prod', svc('mydbserver', 'prod'), 'MUTUAL'],
    [11, 'prod', 'api.foo.com', 'SIMPLE'],
    [11, 'bookinfo', 'api.foo.com', undefined],
    [12, 'prod', svc('ratings', 'prod'), 'ISTIO_MUTUAL'],
    [12, 'bookinfo', svc('ratings', 'prod'), 'ISTIO_MUTUAL'],
  ])('istio/api example %s from %s to %s → %s', (n, client, host, mode) => {
    expect(trafficPolicyFor(mesh(place(docs(EXAMPLES, n), 'prod')), client, host).tlsMode).toBe(mode);
  });

  it.each([
    ['destinationrule-compound-simple-mutual.yaml', 443, 'SIMPLE'],
    ['destinationrule-compound-simple-mutual.yaml', 80, 'MUTUAL'],
    ['destinationrule-compound-simple-mutual.yaml', undefined, 'MUTUAL'],
    ['destinationrule-mutual-port.yaml', 443, 'MUTUAL'],
    ['destinationrule-mutual-port.yaml', 80, undefined],
  ])('istio-analyzer %s on port %s → %s', (file, port, mode) => {
    const config = mesh(place(docs(`istio-analyzer-testdata/${file}`), 'prod'));
    expect(trafficPolicyFor(config, 'prod', svc('mydbserver', 'prod'), undefined, port).tlsMode).toBe(mode);
  });

  const layered = mesh(
    dr('reviews', 'bookinfo', `
host: reviews
trafficPolicy:
  tls: { mode: ISTIO_MUTUAL }
  outlierDetection: { consecutive5xxErrors: 3 }
  connectionPool: { tcp: { maxConnections: 10 } }
  portLevelSettings:
  - port: { number: 9443 }
    outlierDetection: { consecutiveGatewayErrors: 2 }
subsets:
- name: v1
  labels: { version: v1 }
- name: v2
  labels: { version: v2 }
  trafficPolicy:
    outlierDetection: { interval: 1s }
- name: v3
  labels: { version: v3 }
  trafficPolicy:
    portLevelSettings:
    - port: { number: 9080 }
      connectionPool: { http: { http2MaxRequests: 5 } }
`),
  );
  const top = { consecutive5xxErrors: 3, intervalMs: 10_000, baseEjectionTimeMs: 30_000, maxEjectionPercent: 10 };
  it.each([
    ['v1 inherits the top level', 'v1', 9080, { tlsMode: 'ISTIO_MUTUAL', outlierDetection: top, connectionPool: { tcp: { maxConnections: 10 } } }],
    ['v2 replaces outlierDetection whole (defaults, not the top-level 3)', 'v2', 9080, { tlsMode: 'ISTIO_MUTUAL', outlierDetection: { ...OUTLIER_DEFAULTS, intervalMs: 1000 }, connectionPool: { tcp: { maxConnections: 10 } } }],
    ['v3 port-level replaces everything on its port', 'v3', 9080, { connectionPool: { http: { http2MaxRequests: 5 } } }],
    ['v3 on another port inherits', 'v3', 9081, { tlsMode: 'ISTIO_MUTUAL', outlierDetection: top, connectionPool: { tcp: { maxConnections: 10 } } }],
    ['top-level port settings replace the top level on that port', undefined, 9443, { outlierDetection: { ...OUTLIER_DEFAULTS, consecutiveGatewayErrors: 2 } }],
    ['a subset below a port-level top inherits the port level', 'v2', 9443, { outlierDetection: { ...OUTLIER_DEFAULTS, intervalMs: 1000 } }],
  ])('%s', (_label, subset, port, want) => {
    expect(trafficPolicyFor(layered, 'bookinfo', svc('reviews'), subset, port)).toEqual({ ...want, decidedBy: ['bookinfo/reviews'] });
  });

  it.each([
    ['tls without mode is DISABLE (the proto zero value)', '{ tls: { sni: x } }', { tlsMode: 'DISABLE' }],
    ['istio/api example 14 outlier values', '{ outlierDetection: { consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 30s } }', { outlierDetection: { ...OUTLIER_DEFAULTS, intervalMs: 30_000 } }],
    ['consecutive5xxErrors 0 switches the 5xx rule off', '{ outlierDetection: { consecutive5xxErrors: 0 } }', { outlierDetection: { ...OUTLIER_DEFAULTS, consecutive5xxErrors: 0 } }],
    ['deprecated consecutiveErrors counts gateway errors only', '{ outlierDetection: { consecutiveErrors: 4 } }', { outlierDetection: { ...OUTLIER_DEFAULTS, consecutive5xxErrors: 0, consecutiveGatewayErrors: 4 } }],
    ['maxEjectionPercent 0 keeps the default', '{ outlierDetection: { maxEjectionPercent: 0, baseEjectionTime: 2m } }', { outlierDetection: { ...OUTLIER_DEFAULTS, baseEjectionTimeMs: 120_000 } }],
    ['an empty outlierDetection gets every default', '{ outlierDetection: {} }', { outlierDetection: OUTLIER_DEFAULTS }],
    ['connectionPool with only unknown fields says nothing', '{ connectionPool: { tcp: { connectTimeout: 30ms } } }', {}],
  ])('%s', (_label, policy, want) => {
    const config = mesh(dr('reviews', 'bookinfo', `{ host: reviews, trafficPolicy: ${policy} }`));
    expect(trafficPolicyFor(config, 'bookinfo', svc('reviews'))).toEqual({ ...want, decidedBy: ['bookinfo/reviews'] });
  });
});
