// A namespace with deliberately broken Istio config that no traffic goes through, shared by the integration test
// of the config API and the config browser's end-to-end test. The namespace is left in place afterwards: the lab
// runs no namespace controller, so a deleted namespace would stay Terminating and refuse the next run's objects.
import type { KubernetesObject } from '@kubernetes/client-node';

export const CHECKS_NAMESPACE = 'meshscope-checks';

const namespace: KubernetesObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: CHECKS_NAMESPACE } };

/** The namespace itself; apply it once and never delete it. */
export const checksNamespace = [namespace];

/** A VirtualService with four problems: unknown host, unknown gateway, a subset no rule defines, weights of 90. */
export const brokenVirtualService: KubernetesObject & { spec: unknown } = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'broken-routes', namespace: CHECKS_NAMESPACE },
  spec: {
    hosts: ['ghost'],
    gateways: ['missing-gateway'],
    http: [
      {
        route: [
          { destination: { host: 'ghost', subset: 'v1' }, weight: 60 },
          { destination: { host: 'ghost', subset: 'v9' }, weight: 30 },
        ],
      },
    ],
  },
};

/** A DestinationRule for the ghost host that defines only v1. */
export const ghostRule: KubernetesObject & { spec: unknown } = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'ghost', namespace: CHECKS_NAMESPACE },
  spec: { host: 'ghost', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
};
