import { describe, expect, it } from 'vitest';
import { workloadObjects } from '../../../lab/simulator/kube-objects';
import { appOf, buildInventory, findItem, namespaceOverview, podsOfItem, podSummary, versionOf } from './build';
import { fromDeployment, fromPod, fromReplicaSet } from './from-kube';
import type { IstioObject, NamespaceObjects } from './objects';
import { istio, service } from './testing';
import { parseHealthConfig } from './thresholds';
import { indexTraffic, type TrafficSample } from './traffic';

// bookinfo's reviews and ratings as the lab's simulator creates them, owner references added as it does on sync.
function namespace(over: { replicas?: Record<string, number>; available?: Record<string, number>; istio?: IstioObject[] } = {}): NamespaceObjects {
  const specs = [
    { name: 'reviews-v1', app: 'reviews', version: 'v1', serviceAccount: 'bookinfo-reviews', sidecar: true },
    { name: 'reviews-v2', app: 'reviews', version: 'v2', serviceAccount: 'bookinfo-reviews', sidecar: true },
    { name: 'reviews-v3', app: 'reviews', version: 'v3', serviceAccount: 'bookinfo-reviews', sidecar: true },
    { name: 'ratings-v1', app: 'ratings', version: 'v1', serviceAccount: 'bookinfo-ratings', sidecar: false },
  ];
  const objects: NamespaceObjects = { namespace: 'bookinfo', labels: { 'istio-injection': 'enabled' }, controllers: [], pods: [], services: [], istio: over.istio ?? [] };
  for (const s of specs) {
    const o = workloadObjects('bookinfo', { ...s, replicas: over.replicas?.[s.name] ?? 1 }, `img/${s.app}`, 9080);
    const d = fromDeployment(o.deployment, 'bookinfo');
    const available = over.available?.[s.name];
    if (available !== undefined) d.replicas = { ...d.replicas, ready: available, available };
    const rs = fromReplicaSet(o.replicaSet, 'bookinfo');
    rs.meta.owners = [{ kind: 'Deployment', name: s.name, controller: true }];
    const pods = o.pods.map((p) => fromPod(p, 'bookinfo'));
    for (const p of pods) p.meta.owners = [{ kind: 'ReplicaSet', name: rs.meta.name, controller: true }];
    objects.controllers.push(d, rs);
    objects.pods.push(...pods);
  }
  objects.services.push(service('reviews', { app: 'reviews' }), service('ratings', { app: 'ratings' }), service('external-db', {}));
  return objects;
}

const sample = (workload: string, svc: string, code: string, rps: number, mtls = true): TrafficSample => ({
  labels: {
    destination_workload_namespace: 'bookinfo',
    destination_workload: workload,
    destination_service_namespace: 'bookinfo',
    destination_service_name: svc,
    request_protocol: 'http',
    response_code: code,
    connection_security_policy: mtls ? 'mutual_tls' : 'none',
  },
  value: rps,
});

const traffic = indexTraffic([
  sample('reviews-v1', 'reviews', '200', 4),
  sample('reviews-v2', 'reviews', '200', 3.6),
  sample('reviews-v2', 'reviews', '503', 0.4),
  sample('reviews-v3', 'reviews', '200', 4),
  sample('ratings-v1', 'ratings', '200', 2, false),
]);

describe('buildInventory', () => {
  const inv = buildInventory(namespace(), traffic, []);

  it('groups workloads into apps with their versions, services and sidecar status', () => {
    expect(inv.apps.map((a) => [a.name, a.versions, a.workloads, a.services, a.sidecar])).toEqual([
      ['ratings', ['v1'], ['ratings-v1'], ['ratings'], 'missing'],
      ['reviews', ['v1', 'v2', 'v3'], ['reviews-v1', 'reviews-v2', 'reviews-v3'], ['reviews'], 'injected'],
    ]);
    // Labels every workload of the app shares: the app, not the versions.
    const labels = findItem(inv, 'apps', 'reviews')?.labels;
    expect(labels).toMatchObject({ app: 'reviews', 'service.istio.io/canonical-name': 'reviews' });
    expect(labels).not.toHaveProperty('version');
  });

  it('links services and workloads both ways; a service without selector picks none', () => {
    expect(inv.services.map((s) => [s.name, s.workloads])).toEqual([
      ['external-db', []],
      ['ratings', ['ratings-v1']],
      ['reviews', ['reviews-v1', 'reviews-v2', 'reviews-v3']],
    ]);
    expect(findItem(inv, 'workloads', 'reviews-v2')).toMatchObject({ services: ['reviews'], app: 'reviews', version: 'v2', controller: 'Deployment', serviceAccounts: ['bookinfo-reviews'] });
  });

  it('judges each kind by its own inbound traffic; an app by its workloads together', () => {
    expect(findItem(inv, 'workloads', 'reviews-v2')?.health).toEqual({ health: 'failure', inRps: 4, inErrorRate: 0.1, reasons: ['5xx 10 % ≥ 10 %'] });
    expect(findItem(inv, 'workloads', 'reviews-v1')?.health).toEqual({ health: 'healthy', inRps: 4, inErrorRate: 0, reasons: [] });
    const app = findItem(inv, 'apps', 'reviews')?.health;
    expect(app).toMatchObject({ health: 'degraded', inRps: 12, reasons: ['5xx 3.3 % > 0 %'] });
    expect(findItem(inv, 'services', 'reviews')?.health.inRps).toBe(12);
    expect(findItem(inv, 'services', 'external-db')?.health).toEqual({ health: 'na', inRps: 0, inErrorRate: null, reasons: ['no inbound requests'] });
  });

  it('fails a workload with no available replica, and names it in its app', () => {
    const down = buildInventory(namespace({ replicas: { 'reviews-v3': 2 }, available: { 'reviews-v3': 0, 'reviews-v1': 0 } }), indexTraffic([]), []);
    expect(findItem(down, 'workloads', 'reviews-v3')?.health).toEqual({ health: 'failure', inRps: 0, inErrorRate: null, reasons: ['0 of 2 replicas available'] });
    expect(findItem(down, 'apps', 'reviews')?.health.reasons).toEqual(['reviews-v1: 0 of 1 replica available', 'reviews-v3: 0 of 2 replicas available']);
    expect(findItem(down, 'workloads', 'reviews-v3')?.replicas).toEqual({ desired: 2, ready: 0, available: 0 });
  });

  it('uses the first matching threshold rule for each item', () => {
    const parsed = parseHealthConfig('rules:\n  - name: reviews-v2\n    kind: workloads\n    thresholds: { http5xx: { degraded: 0.2, failure: 0.5 } }\n');
    if (!parsed.ok) throw new Error(parsed.error);
    const lenient = buildInventory(namespace(), traffic, parsed.rules);
    expect(findItem(lenient, 'workloads', 'reviews-v2')?.health.health).toBe('healthy');
    // The rule names a workload; the app and service of the same traffic keep the defaults.
    expect(findItem(lenient, 'apps', 'reviews')?.health.health).toBe('degraded');
  });

  it('attaches Istio config to services, workloads, and both to their app', () => {
    const config = [
      istio('VirtualService', 'reviews', { hosts: ['reviews'] }),
      istio('DestinationRule', 'reviews', { hosts: ['reviews.bookinfo.svc.cluster.local'] }),
      istio('PeerAuthentication', 'default'),
      istio('AuthorizationPolicy', 'ratings-viewer', { selector: { app: 'ratings' } }),
    ];
    const withConfig = buildInventory(namespace({ istio: config }), traffic, []);
    const names = (kind: 'apps' | 'workloads' | 'services', name: string) => findItem(withConfig, kind, name)?.istio.map((r) => `${r.kind}/${r.name}`);
    expect(names('services', 'reviews')).toEqual(['DestinationRule/reviews', 'VirtualService/reviews']);
    expect(names('workloads', 'reviews-v1')).toEqual(['PeerAuthentication/default']);
    expect(names('workloads', 'ratings-v1')).toEqual(['AuthorizationPolicy/ratings-viewer', 'PeerAuthentication/default']);
    expect(names('apps', 'reviews')).toEqual(['DestinationRule/reviews', 'PeerAuthentication/default', 'VirtualService/reviews']);
  });

  it('finds the pods behind each kind of item', () => {
    const podsOf = (kind: 'apps' | 'workloads' | 'services', name: string) => {
      const item = findItem(inv, kind, name);
      return item ? podsOfItem(inv, item).map((p) => p.meta.name.split('-').slice(0, 2).join('-')) : undefined;
    };
    expect(podsOf('workloads', 'reviews-v2')).toEqual(['reviews-v2']);
    expect(podsOf('apps', 'reviews')).toEqual(['reviews-v1', 'reviews-v2', 'reviews-v3']);
    expect(podsOf('services', 'ratings')).toEqual(['ratings-v1']);
    expect(podsOf('services', 'external-db')).toEqual([]);
    expect(findItem(inv, 'workloads', 'nope')).toBeUndefined();
  });

  it('summarises a pod for the detail page', () => {
    const [p] = inv.pods;
    if (!p) throw new Error('no pods');
    const summary = podSummary({ ...p, meta: { ...p.meta, createdAt: '2026-01-01T00:00:00.000Z' } });
    expect(summary).toMatchObject({ phase: 'Running', ready: true, sidecar: true, createdAt: '2026-01-01T00:00:00.000Z', labels: { app: 'reviews', version: 'v1' } });
    expect(podSummary(inv.pods.find((x) => x.meta.name.startsWith('ratings')) ?? p).sidecar).toBe(false);
  });
});

describe('namespaceOverview', () => {
  it('counts health per kind and sums the namespace inbound traffic and its mTLS share', () => {
    const inv = buildInventory(namespace(), traffic, []);
    expect(namespaceOverview(inv, { 'istio-injection': 'enabled' }, traffic)).toEqual({
      namespace: 'bookinfo',
      labels: { 'istio-injection': 'enabled' },
      injection: 'enabled',
      apps: { healthy: 1, degraded: 1, failure: 0, na: 0 },
      workloads: { healthy: 3, degraded: 0, failure: 1, na: 0 },
      services: { healthy: 1, degraded: 1, failure: 0, na: 1 },
      inRps: 14,
      inErrorRate: 0.4 / 14,
      mtlsShare: 12 / 14,
      sidecars: { injected: 3, total: 4 },
    });
  });

  it('has no rates without traffic', () => {
    const inv = buildInventory(namespace(), indexTraffic([]), []);
    expect(namespaceOverview(inv, {}, indexTraffic([]))).toMatchObject({ injection: 'unset', inRps: 0, inErrorRate: null, mtlsShare: null });
  });
});

describe('app and version labels', () => {
  it.each([
    [{ app: 'reviews', 'app.kubernetes.io/name': 'other' }, 'reviews'],
    [{ 'app.kubernetes.io/name': 'reviews' }, 'reviews'],
    [{ app: '' }, undefined],
    [{}, undefined],
  ])('app of %o → %s', (labels, app) => {
    expect(appOf(labels)).toBe(app);
  });

  it.each([
    [{ version: 'v2', 'app.kubernetes.io/version': '2.0' }, 'v2'],
    [{ 'app.kubernetes.io/version': '2.0' }, '2.0'],
    [{}, undefined],
  ])('version of %o → %s', (labels, version) => {
    expect(versionOf(labels)).toBe(version);
  });
});
