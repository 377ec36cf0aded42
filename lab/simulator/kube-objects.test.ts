import { describe, expect, it } from 'vitest';
import { meshObjects, workloadObjects } from './kube-objects';
import type { Scenario } from './model';

const scenario: Scenario = {
  name: 't',
  seed: 1,
  traceSampling: 0,
  entries: [],
  namespaces: [
    {
      name: 'shop',
      injection: true,
      services: [
        { name: 'cart', port: 8080, protocol: 'http', app: 'cart' },
        { name: 'db', port: 5432, protocol: 'tcp', app: 'db' },
      ],
      workloads: [
        { name: 'cart-v1', app: 'cart', version: 'v1', serviceAccount: 'shop-cart', replicas: 2, sidecar: true, latency: { medianMs: 1, p99Ms: 2 }, errorRate: 0, requestBytes: 1, responseBytes: 1, calls: [] },
        { name: 'db-v1', app: 'db', version: 'v1', serviceAccount: 'shop-db', replicas: 1, sidecar: false, latency: { medianMs: 1, p99Ms: 2 }, errorRate: 0, requestBytes: 1, responseBytes: 1, calls: [] },
      ],
    },
  ],
};

describe('meshObjects', () => {
  const objects = meshObjects(scenario);

  it('labels injected namespaces and adds istio-system with istiod and the ingress gateway', () => {
    expect(objects.namespaces.map((n) => [n.metadata?.name, n.metadata?.labels?.['istio-injection']])).toEqual([
      ['istio-system', undefined],
      ['shop', 'enabled'],
    ]);
    const system = objects.workloads.filter((w) => w.deployment.metadata?.namespace === 'istio-system').map((w) => w.deployment.metadata?.name);
    expect(system).toEqual(['istiod', 'istio-ingressgateway']);
  });

  it('gives injected pods the sidecar container, status annotation and Istio labels', () => {
    const cart = objects.workloads.find((w) => w.deployment.metadata?.name === 'cart-v1');
    expect(cart?.pods).toHaveLength(2);
    const pod = cart!.pods[0]!;
    expect(pod.metadata?.labels).toMatchObject({ app: 'cart', version: 'v1', 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'cart' });
    expect(JSON.parse(pod.metadata?.annotations?.['sidecar.istio.io/status'] ?? '{}')).toMatchObject({ containers: ['istio-proxy'] });
    expect(pod.spec?.containers.map((c) => c.name)).toEqual(['cart', 'istio-proxy']);
    expect(pod.spec?.serviceAccountName).toBe('shop-cart');
    expect(cart!.deployment.status).toMatchObject({ replicas: 2, availableReplicas: 2 });
  });

  it('leaves the sidecar out of a workload that opted out', () => {
    const db = objects.workloads.find((w) => w.deployment.metadata?.name === 'db-v1')!;
    expect(db.pods[0]?.metadata?.annotations?.['sidecar.istio.io/status']).toBeUndefined();
    expect(db.pods[0]?.metadata?.annotations?.['sidecar.istio.io/inject']).toBe('false');
    expect(db.pods[0]?.spec?.containers.map((c) => c.name)).toEqual(['db']);
  });

  it('names service ports by protocol, as Istio protocol selection expects', () => {
    const ports = objects.services.filter((s) => s.metadata?.namespace === 'shop').map((s) => [s.metadata?.name, s.spec?.ports?.[0]?.name]);
    expect(ports).toEqual([
      ['cart', 'http'],
      ['db', 'tcp-db'],
    ]);
  });

  it('is stable: the same scenario gives the same names and IPs', () => {
    const again = workloadObjects('shop', scenario.namespaces[0]!.workloads[0]!, 'img', 8080);
    const first = objects.workloads.find((w) => w.deployment.metadata?.name === 'cart-v1')!;
    expect(again.pods.map((p) => [p.metadata?.name, p.status?.podIP])).toEqual(first.pods.map((p) => [p.metadata?.name, p.status?.podIP]));
    expect(new Set(first.pods.map((p) => p.metadata?.name)).size).toBe(2);
  });
});
