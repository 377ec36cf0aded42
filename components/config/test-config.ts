// Sample Istio config items and details for the config browser's tests.

import type { IstioConfigDetails, IstioConfigItem } from '@/lib/mesh/istio/api-types';
import type { Finding } from '@/lib/mesh/istio/types';

export const finding = (severity: Finding['severity'], message: string, path = 'spec', code = 'test.rule'): Finding => ({ code, severity, message, path });

export function configItem(kind: IstioConfigItem['kind'], name: string, overrides: Partial<IstioConfigItem> = {}): IstioConfigItem {
  const findings = overrides.findings ?? [];
  return {
    kind,
    namespace: 'bookinfo',
    name,
    createdAt: '2025-06-10T10:00:00Z',
    resourceVersion: '1001',
    valid: !findings.some((f) => f.severity === 'error'),
    findings,
    ...overrides,
  };
}

export const BROKEN_VS_YAML = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
    - reviews
  http:
    - route:
        - destination:
            host: reviews
            subset: v1
          weight: 50
        - destination:
            host: reviews
            subset: v9
          weight: 40
`;

export function brokenVsDetails(): IstioConfigDetails {
  const item = configItem('VirtualService', 'reviews', {
    findings: [
      finding('error', 'No DestinationRule defines subset v9 of reviews', 'spec.http[0].route[1].destination.subset', 'vs.subset-not-found'),
      finding('warning', 'Route weights add up to 90, not 100', 'spec.http[0]', 'vs.weights-sum'),
      finding('info', 'Exported to every namespace', '', 'vs.export'),
    ],
  });
  return {
    item,
    object: {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '1001', creationTimestamp: '2025-06-10T10:00:00Z' },
      spec: {},
    },
    yaml: BROKEN_VS_YAML,
    references: {
      services: [{ namespace: 'bookinfo', name: 'reviews' }],
      workloads: [{ namespace: 'bookinfo', name: 'reviews-v1' }],
      objects: [{ kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' }],
    },
  };
}
