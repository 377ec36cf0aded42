import { describe, expect, it } from 'vitest';
import { referencesOf } from './references';
import { sampleDocuments, scopeOf } from './testing';
import type { ConfigScope, IstioResource } from './types';

// Istio's bookinfo, as a user applies it: the app, its gateway, its DestinationRules and the v1 routes; plus an
// ingress gateway workload in istio-system for the Gateway's selector to find.
const ingress = { kind: 'Deployment', metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' }, spec: { template: { metadata: { labels: { istio: 'ingressgateway' } } } } };
const scope: ConfigScope = scopeOf([
  ...sampleDocuments(
    'bookinfo/platform/kube/bookinfo.yaml',
    'bookinfo/networking/bookinfo-gateway.yaml',
    'bookinfo/networking/destination-rule-all.yaml',
    'bookinfo/networking/virtual-service-all-v1.yaml',
  ),
  ingress,
]);

function object(kind: string, name: string): IstioResource {
  const found = scope.objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind} ${name} is not in the samples`);
  return found;
}

const names = (xs: readonly { namespace: string; name: string }[]) => xs.map((x) => `${x.namespace}/${x.name}`);

describe('referencesOf on bookinfo', () => {
  it('links a VirtualService to its service, the service’s workloads and the DestinationRule of its host', () => {
    const refs = referencesOf(object('VirtualService', 'reviews'), scope);
    expect(names(refs.services)).toEqual(['default/reviews']);
    expect(names(refs.workloads)).toEqual(['default/reviews-v1', 'default/reviews-v2', 'default/reviews-v3']);
    expect(refs.objects).toEqual([{ kind: 'DestinationRule', namespace: 'default', name: 'reviews' }]);
  });

  it('links the ingress VirtualService to its Gateway, and the Gateway back to it and to the gateway pods', () => {
    const vs = referencesOf(object('VirtualService', 'bookinfo'), scope);
    expect(vs.objects).toContainEqual({ kind: 'Gateway', namespace: 'default', name: 'bookinfo-gateway' });
    expect(names(vs.services)).toEqual(['default/productpage']);

    const gw = referencesOf(object('Gateway', 'bookinfo-gateway'), scope);
    expect(gw.objects).toEqual([{ kind: 'VirtualService', namespace: 'default', name: 'bookinfo' }]);
    expect(names(gw.workloads)).toEqual(['istio-system/istio-ingressgateway']);
    expect(gw.services).toEqual([]);
  });

  it('links a DestinationRule to the VirtualServices routing to its host', () => {
    const refs = referencesOf(object('DestinationRule', 'ratings'), scope);
    expect(names(refs.services)).toEqual(['default/ratings']);
    expect(refs.objects).toEqual([{ kind: 'VirtualService', namespace: 'default', name: 'ratings' }]);
  });

  it('gives a namespace-wide policy every workload of its namespace and a selector policy only the selected ones', () => {
    const policy = (name: string, spec: Record<string, unknown>): IstioResource => ({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name, namespace: 'default' },
      spec,
    });
    expect(referencesOf(policy('all', { mtls: { mode: 'STRICT' } }), scope).workloads).toHaveLength(
      scope.workloads.filter((w) => w.namespace === 'default').length,
    );
    expect(names(referencesOf(policy('ratings', { selector: { matchLabels: { app: 'ratings' } } }), scope).workloads)).toEqual(['default/ratings-v1']);
    // Attached through targetRefs (a waypoint or gateway), not to workloads by labels.
    expect(referencesOf(policy('waypoint', { targetRefs: [{ kind: 'Service', name: 'ratings' }] }), scope).workloads).toEqual([]);
  });
});
