import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { V1Deployment, V1Pod, V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../../../lab/paths';
import { fromDaemonSet, fromDeployment, fromPod, fromReplicaSet, fromService, fromStatefulSet, metaOf } from './from-kube';

// Real API answers recorded by other projects (../shared/reference/SOURCES.md §6).
const K8S = join(ROOT, '..', 'shared', 'reference', 'k8s-api');
const text = (name: string) => readFileSync(join(K8S, name), 'utf8');
const jsonLines = <T>(name: string): T[] => text(name).split('\n').filter(Boolean).map((l) => revive(JSON.parse(l)) as T);

/** The typed client hands timestamps over as Dates; the recorded JSON has them as strings. */
function revive<T>(obj: T): T {
  const meta = (obj as { metadata?: { creationTimestamp?: unknown } }).metadata;
  if (meta && typeof meta.creationTimestamp === 'string') meta.creationTimestamp = new Date(meta.creationTimestamp);
  return obj;
}

const pods = (JSON.parse(text('cloudability-pods.json')) as { items: V1Pod[] }).items.map(revive);
const pod = (name: string) => {
  const p = pods.find((x) => x.metadata?.name === name);
  if (!p) throw new Error(`no pod ${name} in the fixture`);
  return fromPod(p, 'fallback');
};

describe('fromPod on recorded pods', () => {
  it('keeps owners, readiness, service account and creation time', () => {
    expect(pod('coredns-7f5998f4c-5fblt')).toMatchObject({
      meta: {
        namespace: 'kube-system',
        owners: [{ kind: 'ReplicaSet', name: 'coredns-7f5998f4c', controller: true }],
        labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7f5998f4c' },
        createdAt: '2022-05-27T22:34:34.000Z',
      },
      phase: 'Running',
      ready: true,
      serviceAccount: 'coredns',
      containers: ['coredns'],
    });
  });

  it('a bare pod has no owner; a DaemonSet pod names its DaemonSet', () => {
    expect(pod('stress2').meta.owners).toEqual([]);
    expect(pod('aws-node-48cfw').meta.owners).toEqual([{ kind: 'DaemonSet', name: 'aws-node', controller: true }]);
  });

  it('fills in what a sparse object leaves out', () => {
    expect(fromPod({}, 'bookinfo')).toEqual({
      meta: { namespace: 'bookinfo', name: '', labels: {}, annotations: {}, owners: [] },
      phase: 'Unknown',
      ready: false,
      containers: [],
    });
    expect(metaOf({ name: 'x', creationTimestamp: new Date(Number.NaN) }, 'ns').createdAt).toBeUndefined();
  });
});

describe('controllers', () => {
  it('reads a recorded Deployment', () => {
    const [d] = jsonLines<V1Deployment>('cloudability-deployments.jsonl');
    if (!d) throw new Error('empty fixture');
    expect(fromDeployment(d, 'x')).toMatchObject({
      kind: 'Deployment',
      meta: { namespace: 'cloudability', name: 'cloudability-metrics-agent' },
      templateLabels: { app: 'cloudability-metrics-agent' },
      replicas: { desired: 1, ready: 1, available: 1 },
    });
  });

  it('sees an injected native-sidecar proxy among the template init containers', () => {
    const injected = parseAllDocuments(text('istio-injected-deployments/hello.yaml.injected'))[0]?.toJS() as V1Deployment;
    const c = fromDeployment(injected, 'default');
    expect(c.templateContainers).toEqual(['istio-init', 'istio-proxy', 'hello']);
    expect(c.templateAnnotations['sidecar.istio.io/status']).toContain('"revision":"default"');
    expect(c.replicas).toEqual({ desired: 7, ready: 0, available: 0 });
  });

  it.each([
    ['Deployment without status, replicas defaulted to 1', fromDeployment({}, 'ns').replicas, { desired: 1, ready: 0, available: 0 }],
    ['StatefulSet without availableReplicas: ready stands in', fromStatefulSet({ spec: { replicas: 3, selector: {}, serviceName: 's', template: {} }, status: { replicas: 3, readyReplicas: 2 } }, 'ns').replicas, { desired: 3, ready: 2, available: 2 }],
    ['DaemonSet: one per scheduled node', fromDaemonSet({ status: { desiredNumberScheduled: 4, numberReady: 3, numberAvailable: 2, currentNumberScheduled: 4, numberMisscheduled: 0 } }, 'ns').replicas, { desired: 4, ready: 3, available: 2 }],
    ['ReplicaSet scaled to 0', fromReplicaSet({ spec: { replicas: 0, selector: {} }, status: { replicas: 0 } }, 'ns').replicas, { desired: 0, ready: 0, available: 0 }],
  ])('%s', (_, replicas, expected) => {
    expect(replicas).toEqual(expected);
  });
});

describe('fromService', () => {
  it('reads recorded services, with and without a selector', () => {
    const [kubernetes, dns] = jsonLines<V1Service>('cloudability-services.jsonl').map((s) => fromService(s, 'x'));
    expect(kubernetes).toMatchObject({ type: 'ClusterIP', selector: {}, ports: [{ name: 'https', port: 443, protocol: 'TCP' }] });
    expect(dns).toMatchObject({
      meta: { namespace: 'kube-system', name: 'kube-dns' },
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
    });
  });

  it('keeps an app protocol and leaves out a missing port name', () => {
    expect(fromService({ spec: { ports: [{ port: 9080, appProtocol: 'http' }] } }, 'ns').ports).toEqual([{ port: 9080, protocol: 'TCP', appProtocol: 'http' }]);
  });
});
