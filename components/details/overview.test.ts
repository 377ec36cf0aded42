import { describe, expect, it } from 'vitest';
import type { AppItem, HealthReport, InventoryDetails, InventoryItem, IstioRef, PodSummary, ServiceItem, SidecarStatus, WorkloadItem } from '@/lib/mesh/inventory/types';
import { istioLinks, itemFacts, itemVersions, portText, relatedGroups, sidecarWarning, sortedEntries } from './overview';

const health: HealthReport = { health: 'healthy', inRps: 1, inErrorRate: 0, reasons: [] };
const base = { namespace: 'bookinfo', labels: {}, health, istio: [] as IstioRef[] };

const workload = (extra: Partial<WorkloadItem> = {}): WorkloadItem => ({
  ...base,
  kind: 'workloads',
  name: 'reviews-v2',
  controller: 'Deployment',
  app: 'reviews',
  version: 'v2',
  sidecar: 'injected',
  replicas: { desired: 2, ready: 1, available: 1 },
  serviceAccounts: ['bookinfo-reviews'],
  services: ['reviews'],
  ...extra,
});
const service = (extra: Partial<ServiceItem> = {}): ServiceItem => ({
  ...base,
  kind: 'services',
  name: 'reviews',
  type: 'ClusterIP',
  selector: { app: 'reviews' },
  ports: [{ name: 'http', port: 9080, protocol: 'TCP' }],
  workloads: ['reviews-v2', 'reviews-v1'],
  ...extra,
});
const app = (extra: Partial<AppItem> = {}): AppItem => ({
  ...base,
  kind: 'apps',
  name: 'reviews',
  versions: ['v1', 'v2'],
  workloads: ['reviews-v1', 'reviews-v2'],
  services: ['reviews'],
  sidecar: 'injected',
  ...extra,
});
const pod = (name: string, sidecar: boolean, labels: Record<string, string> = {}): PodSummary => ({ name, phase: 'Running', ready: true, sidecar, labels });
const details = (item: InventoryItem, pods: PodSummary[] = []): InventoryDetails => ({ item, pods, duration: 600 });

describe('itemFacts', () => {
  it('describes a workload, leaving out what it lacks', () => {
    expect(itemFacts(workload())).toEqual([
      ['Controller', 'Deployment'],
      ['App', 'reviews'],
      ['Version', 'v2'],
      ['Replicas', '1 of 2 ready, 1 available'],
      ['Service accounts', 'bookinfo-reviews'],
    ]);
    const { app: _a, version: _v, ...bare } = workload({ serviceAccounts: [] });
    expect(itemFacts(bare).map(([label]) => label)).toEqual(['Controller', 'Replicas']);
  });

  it('describes a service and an app', () => {
    expect(itemFacts(service())).toEqual([
      ['Type', 'ClusterIP'],
      ['Ports', 'http 9080/TCP'],
    ]);
    expect(itemFacts(service({ ports: [] }))).toContainEqual(['Ports', 'none']);
    expect(itemFacts(app())).toEqual([['Workloads', '2 workloads']]);
  });

  it.each([
    [{ name: 'http', port: 9080, protocol: 'TCP' }, 'http 9080/TCP'],
    [{ port: 3306, protocol: 'TCP' }, '3306/TCP'],
    [{ name: 'grpc', port: 8080, protocol: 'TCP', appProtocol: 'grpc' }, 'grpc 8080/TCP (grpc)'],
  ])('writes port %o as %s', (port, text) => {
    expect(portText(port)).toBe(text);
  });
});

describe('itemVersions', () => {
  it.each<[string, InventoryDetails, string[]]>([
    ['an app', details(app()), ['v1', 'v2']],
    ['a workload', details(workload()), ['v2']],
    ['a workload without a version', details(workload({ version: undefined })), []],
    [
      'a service, from its pods in natural order',
      details(service(), [pod('a', true, { version: 'v10' }), pod('b', true, { version: 'v2' }), pod('c', true, { version: 'v2' }), pod('d', true, { 'app.kubernetes.io/version': 'v3' }), pod('e', true)]),
      ['v2', 'v3', 'v10'],
    ],
  ])('%s', (_name, d, versions) => {
    expect(itemVersions(d)).toEqual(versions);
  });
});

describe('relatedGroups', () => {
  it('links a workload to its app and services', () => {
    expect(relatedGroups(workload())).toEqual([
      { heading: 'App', links: [{ name: 'reviews', href: '/namespaces/bookinfo/apps/reviews' }] },
      { heading: 'Services', links: [{ name: 'reviews', href: '/namespaces/bookinfo/services/reviews' }] },
    ]);
  });

  it('links a service to its workloads, sorted, and drops empty groups', () => {
    expect(relatedGroups(service())).toEqual([
      {
        heading: 'Workloads',
        links: [
          { name: 'reviews-v1', href: '/namespaces/bookinfo/workloads/reviews-v1' },
          { name: 'reviews-v2', href: '/namespaces/bookinfo/workloads/reviews-v2' },
        ],
      },
    ]);
    expect(relatedGroups(service({ workloads: [] }))).toEqual([]);
    expect(relatedGroups(workload({ app: undefined, services: [] }))).toEqual([]);
  });

  it('links an app to its workloads and services', () => {
    expect(relatedGroups(app()).map((g) => [g.heading, g.links.map((l) => l.name)])).toEqual([
      ['Workloads', ['reviews-v1', 'reviews-v2']],
      ['Services', ['reviews']],
    ]);
  });
});

describe('istioLinks', () => {
  it('sorts by kind, namespace and name, names other namespaces, and links each object\'s own page', () => {
    const links = istioLinks([
      { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' },
      { kind: 'PeerAuthentication', namespace: 'istio-system', name: 'default' },
      { kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' },
      { kind: 'Gateway', namespace: 'bookinfo', name: 'gw/1' },
    ], 'bookinfo');
    expect(links.map((l) => [l.kind, l.label, l.href])).toEqual([
      ['DestinationRule', 'reviews', '/config/bookinfo/DestinationRule/reviews'],
      ['Gateway', 'gw/1', '/config/bookinfo/Gateway/gw%2F1'],
      ['PeerAuthentication', 'istio-system/default', '/config/istio-system/PeerAuthentication/default'],
      ['VirtualService', 'reviews', '/config/bookinfo/VirtualService/reviews'],
    ]);
  });
});

describe('sidecarWarning', () => {
  const sc = (status: SidecarStatus, pods: PodSummary[] = []) => sidecarWarning(details(workload({ sidecar: status }), pods));

  it.each<[string, string | undefined, RegExp | undefined]>([
    ['injected', sc('injected', [pod('a', true)]), undefined],
    ['missing', sc('missing', [pod('a', false)]), /^No pod of this workload runs the Istio sidecar/],
    ['one of two pods without', sc('partial', [pod('a', true), pod('b', false)]), /^1 pod of this workload runs without the Istio sidecar/],
    ['two without', sc('partial', [pod('a', false), pod('b', false), pod('c', true)]), /^2 pods of this workload run without/],
    ['partial without pods listed', sc('partial'), /^Some pods of this workload run without/],
    ['an app', sidecarWarning(details(app({ sidecar: 'missing' }))), /^No pod of this app runs/],
    // A service has no status of its own: its pods decide, and without pods there is nothing to warn about.
    ['a service with injected pods', sidecarWarning(details(service(), [pod('a', true)])), undefined],
    ['a service without pods', sidecarWarning(details(service())), undefined],
    ['a service with bare pods', sidecarWarning(details(service(), [pod('a', false)])), /^No pod it selects runs the Istio sidecar/],
    ['a service with some bare pods', sidecarWarning(details(service(), [pod('a', false), pod('b', true)])), /^1 pod it selects runs without/],
  ])('%s', (_name, warning, pattern) => {
    if (pattern === undefined) expect(warning).toBeUndefined();
    else expect(warning).toMatch(pattern);
  });
});

describe('sortedEntries', () => {
  it('sorts by key', () => {
    expect(sortedEntries({ version: 'v2', app: 'reviews' })).toEqual([
      ['app', 'reviews'],
      ['version', 'v2'],
    ]);
  });
});
