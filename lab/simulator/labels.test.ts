import { describe, expect, it } from 'vitest';
import { requestLabels, tcpLabels, type HopFacts } from './labels';
import type { WorkloadRef } from './model';

const client: WorkloadRef = { namespace: 'bookinfo', workload: 'productpage-v1', app: 'productpage', version: 'v1', serviceAccount: 'bookinfo-productpage', sidecar: true };
const server: WorkloadRef = { namespace: 'bookinfo', workload: 'details-v1', app: 'details', version: 'v1', serviceAccount: 'bookinfo-details', sidecar: true };
const legacy: WorkloadRef = { ...client, workload: 'legacy', app: 'legacy', sidecar: false };
const facts = (over: Partial<HopFacts>): HopFacts => ({ reporter: 'destination', source: client, service: undefined, host: 'details.bookinfo.svc.cluster.local', destination: server, mtls: true, ...over });

describe('labels as each proxy would report them', () => {
  it.each([
    ['mTLS, destination side', facts({}), { source_workload: 'productpage-v1', source_principal: 'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage', connection_security_policy: 'mutual_tls' }],
    ['plaintext HTTP between sidecars: peer metadata still names the client', facts({ mtls: false }), { source_workload: 'productpage-v1', source_principal: 'unknown', connection_security_policy: 'none' }],
    ['a client without a sidecar is unknown', facts({ mtls: false, source: legacy }), { source_workload: 'unknown', source_principal: 'unknown', connection_security_policy: 'none' }],
    ['the source side never knows the connection policy', facts({ reporter: 'source', mtls: false }), { source_workload: 'productpage-v1', source_principal: 'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage', connection_security_policy: 'unknown' }],
  ])('HTTP: %s', (_, f, expected) => {
    expect(requestLabels(f, 'http', 200, '0', '-')).toMatchObject(expected);
  });

  it.each([
    ['mTLS', facts({}), 'productpage-v1'],
    ['plaintext: no headers to carry peer metadata', facts({ mtls: false }), 'unknown'],
  ])('TCP: %s', (_, f, sourceWorkload) => {
    expect(tcpLabels(f, '-').source_workload).toBe(sourceWorkload);
  });
});
