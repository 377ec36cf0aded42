// A sample mTLS report for the mesh page's tests: bookinfo STRICT, one workload without a sidecar, a conflicting
// DestinationRule, and telemetry that disagrees with the configuration in one place.

import type { MtlsReport, WorkloadMtls } from '@/lib/mesh/mtls/types';

const strict = { text: 'STRICT from the namespace policy', ref: { kind: 'PeerAuthentication', namespace: 'bookinfo', name: 'default' }, path: 'spec.mtls.mode' } as const;

export function workloadMtls(name: string, overrides: Partial<WorkloadMtls> = {}): WorkloadMtls {
  return { namespace: 'bookinfo', name, sidecar: true, status: 'enabled', reasons: [strict], observed: { rps: 2, mtlsShare: 1 }, flags: [], ...overrides };
}

export function sampleReport(): MtlsReport {
  return {
    duration: 300,
    rootNamespace: 'istio-system',
    mesh: { status: 'not-enabled', reasons: [{ text: 'No mesh-wide PeerAuthentication: PERMISSIVE by default' }], observed: { rps: 12.5, mtlsShare: 0.8 }, flags: [] },
    namespaces: [
      { namespace: 'bookinfo', status: 'enabled', reasons: [strict], observed: { rps: 10, mtlsShare: 1 }, flags: [] },
      {
        namespace: 'travel',
        status: 'partly',
        reasons: [{ text: 'PERMISSIVE by default' }],
        observed: { rps: 2.5, mtlsShare: 0 },
        flags: [{ code: 'observed-mismatch', severity: 'warning', message: 'No request was mTLS although sidecars could do it' }],
      },
    ],
    workloads: [
      workloadMtls('reviews-v2', {
        flags: [
          {
            code: 'strict-with-disable',
            severity: 'error',
            message: 'STRICT server, but DestinationRule reviews disables TLS for its clients',
            related: [{ kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews' }],
          },
        ],
      }),
      workloadMtls('details-v1'),
      workloadMtls('discounts-v1', {
        namespace: 'travel',
        sidecar: false,
        status: 'disabled',
        reasons: [{ text: 'No sidecar: it cannot do mTLS' }],
        observed: { rps: 0, mtlsShare: null },
        flags: [{ code: 'observed-mismatch', severity: 'warning', message: 'Configured for mTLS, observed plain text' }],
      }),
      workloadMtls('ratings-v1', { status: 'partly', reasons: [{ text: 'PERMISSIVE on port 9080' }], observed: { rps: 1, mtlsShare: 0.5 } }),
    ],
    controlPlane: {
      istiod: [{ namespace: 'istio-system', name: 'istiod', version: '1.24.2', ready: 1, desired: 2 }],
      pushing: 'unknown',
      note: 'Prometheus has no pilot_xds_pushes',
    },
  };
}
