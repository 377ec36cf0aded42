import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docs, mesh } from '../testing/istio-fixtures';
import { trafficPolicyFor } from './destination-rules';
import type { TlsMode } from './istio-config';
import { connectionSecurity, peerAuthenticationMode, type ConnectionSecurity } from './peer-authentication';




/** A PeerAuthentication from inline YAML `spec`; `namespace/name`, optionally created at `createdAt`. */
function pa(key: string, spec: string, createdAt?: string): unknown[] {
  const [namespace, name] = key.split('/');
  const metadata = { name, namespace, ...(createdAt ? { creationTimestamp: createdAt } : {}) };
  return [{ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata, spec: parse(spec) as unknown }];
}

const PA_EXAMPLES = 'istio-api-doc-examples/peer_authentication.examples.yaml';
const FINANCE = { app: 'finance', version: 'v1' };
const OTHER = { app: 'ledger', version: 'v1' };

describe('peerAuthenticationMode with the istio/api examples (namespace foo)', () => {
  const meshStrict = pa('istio-system/mesh', '{ mtls: { mode: STRICT } }');
  it.each([
    [1, [], FINANCE, 9090, { mode: 'STRICT', decidedBy: 'foo/default' }],
    [2, [], FINANCE, 9090, { mode: 'STRICT', decidedBy: 'foo/finance' }],
    [2, [], OTHER, 9090, { mode: 'PERMISSIVE', decidedBy: 'foo/default' }],
    [3, [], FINANCE, 8080, { mode: 'DISABLE', decidedBy: 'foo/default' }],
    [3, [], FINANCE, 9090, { mode: 'STRICT', decidedBy: 'foo/default' }],
    [3, [], OTHER, 8080, { mode: 'PERMISSIVE' }],
    [4, meshStrict, FINANCE, 9090, { mode: 'STRICT', decidedBy: 'istio-system/mesh' }],
    [4, meshStrict, FINANCE, 8080, { mode: 'DISABLE', decidedBy: 'foo/default' }],
    [4, [], FINANCE, 9090, { mode: 'PERMISSIVE' }],
  ])('example %s (+%j): %j on port %s → %j', (n, extra, labels, port, want) => {
    expect(peerAuthenticationMode(mesh(docs(PA_EXAMPLES, n), extra), 'foo', labels, port)).toEqual(want);
  });

  it('example 1 does not reach another namespace', () => {
    expect(peerAuthenticationMode(mesh(docs(PA_EXAMPLES, 1)), 'bar', FINANCE, 9090)).toEqual({ mode: 'PERMISSIVE' });
  });
});

describe('peerAuthenticationMode levels', () => {
  const t1 = '2024-01-01T00:00:00Z';
  const t2 = '2024-02-01T00:00:00Z';
  it.each([
    ['nothing: PERMISSIVE by default', [], FINANCE, { mode: 'PERMISSIVE' }],
    ['mesh-wide', [pa('istio-system/default', '{ mtls: { mode: STRICT } }')], FINANCE, { mode: 'STRICT', decidedBy: 'istio-system/default' }],
    ['namespace beats mesh', [pa('istio-system/default', '{ mtls: { mode: STRICT } }'), pa('foo/default', '{ mtls: { mode: PERMISSIVE } }')], FINANCE, { mode: 'PERMISSIVE', decidedBy: 'foo/default' }],
    ['namespace UNSET inherits the mesh', [pa('istio-system/default', '{ mtls: { mode: STRICT } }'), pa('foo/default', '{ mtls: { mode: UNSET } }')], FINANCE, { mode: 'STRICT', decidedBy: 'istio-system/default' }],
    ['namespace without mtls inherits the mesh', [pa('istio-system/default', '{ mtls: { mode: DISABLE } }'), pa('foo/default', '{}')], FINANCE, { mode: 'DISABLE', decidedBy: 'istio-system/default' }],
    ['workload beats namespace', [pa('foo/default', '{ mtls: { mode: DISABLE } }'), pa('foo/finance', '{ selector: { matchLabels: { app: finance } }, mtls: { mode: STRICT } }')], FINANCE, { mode: 'STRICT', decidedBy: 'foo/finance' }],
    ['a selector that misses leaves the namespace policy', [pa('foo/default', '{ mtls: { mode: DISABLE } }'), pa('foo/finance', '{ selector: { matchLabels: { app: finance } }, mtls: { mode: STRICT } }')], OTHER, { mode: 'DISABLE', decidedBy: 'foo/default' }],
    ['an empty selector is namespace-wide', [pa('foo/all', '{ selector: { matchLabels: {} }, mtls: { mode: STRICT } }')], OTHER, { mode: 'STRICT', decidedBy: 'foo/all' }],
    ['a selector in another namespace does not apply', [pa('bar/finance', '{ selector: { matchLabels: { app: finance } }, mtls: { mode: STRICT } }')], FINANCE, { mode: 'PERMISSIVE' }],
    ['a selector in the root namespace is ignored', [pa('istio-system/default', '{ mtls: { mode: PERMISSIVE } }'), pa('istio-system/finance', '{ selector: { matchLabels: { app: finance } }, mtls: { mode: STRICT }, portLevelMtls: { 9090: { mode: DISABLE } } }')], FINANCE, { mode: 'PERMISSIVE', decidedBy: 'istio-system/default' }],
    ['portLevelMtls on a namespace-wide policy is ignored', [pa('foo/default', '{ mtls: { mode: STRICT }, portLevelMtls: { 9090: { mode: DISABLE } } }')], FINANCE, { mode: 'STRICT', decidedBy: 'foo/default' }],
    ['port-level UNSET inherits the workload mode', [pa('foo/finance', '{ selector: { matchLabels: { app: finance } }, mtls: { mode: STRICT }, portLevelMtls: { 9090: { mode: UNSET } } }')], FINANCE, { mode: 'STRICT', decidedBy: 'foo/finance' }],
    ['two namespace-wide policies: the older wins', [pa('foo/b-old', '{ mtls: { mode: DISABLE } }', t1), pa('foo/a-new', '{ mtls: { mode: STRICT } }', t2)], FINANCE, { mode: 'DISABLE', decidedBy: 'foo/b-old' }],
    ['two mesh-wide policies: the older wins', [pa('istio-system/b-old', '{ mtls: { mode: STRICT } }', t1), pa('istio-system/a-new', '{ mtls: { mode: DISABLE } }', t2)], FINANCE, { mode: 'STRICT', decidedBy: 'istio-system/b-old' }],
    ['two workload policies: the older wins', [pa('foo/b-old', '{ selector: { matchLabels: { app: finance } }, mtls: { mode: PERMISSIVE } }', t1), pa('foo/a-new', '{ selector: { matchLabels: { version: v1 } }, mtls: { mode: STRICT } }', t2)], FINANCE, { mode: 'PERMISSIVE', decidedBy: 'foo/b-old' }],
    ['same age: the name decides', [pa('foo/b', '{ mtls: { mode: DISABLE } }', t1), pa('foo/a', '{ mtls: { mode: STRICT } }', t1)], FINANCE, { mode: 'STRICT', decidedBy: 'foo/a' }],
  ])('%s', (_label, groups, labels, want) => {
    expect(peerAuthenticationMode(mesh(...groups), 'foo', labels, 9090)).toEqual(want);
  });

  it('a workload in the root namespace gets the mesh-wide mode only', () => {
    const config = mesh(pa('istio-system/default', '{ mtls: { mode: STRICT } }'), pa('istio-system/gw', '{ selector: { matchLabels: { istio: ingressgateway } }, mtls: { mode: DISABLE } }'));
    expect(peerAuthenticationMode(config, 'istio-system', { istio: 'ingressgateway' }, 8080)).toEqual({ mode: 'STRICT', decidedBy: 'istio-system/default' });
  });
});

type Row = [ConnectionSecurity, ConnectionSecurity, ConnectionSecurity, ConnectionSecurity, ConnectionSecurity, ConnectionSecurity];
const SERVERS = [
  { serverSidecar: true, serverMode: 'STRICT' },
  { serverSidecar: true, serverMode: 'PERMISSIVE' },
  { serverSidecar: true, serverMode: 'DISABLE' },
  { serverSidecar: false, serverMode: 'STRICT' },
  { serverSidecar: false, serverMode: 'PERMISSIVE' },
  { serverSidecar: false, serverMode: 'DISABLE' },
] as const;
const PLAIN_CLIENT: Row = ['rejected', 'plaintext', 'plaintext', 'plaintext', 'plaintext', 'plaintext'];
/** Client (sidecar? and DR tls mode) → outcome against each server of SERVERS, in order. */
const TRUTH: [boolean, TlsMode | undefined, Row][] = [
  [true, undefined, ['mutual_tls', 'mutual_tls', 'plaintext', 'plaintext', 'plaintext', 'plaintext']],
  [true, 'ISTIO_MUTUAL', ['mutual_tls', 'mutual_tls', 'rejected', 'rejected', 'rejected', 'rejected']],
  [true, 'DISABLE', PLAIN_CLIENT],
  [true, 'SIMPLE', PLAIN_CLIENT],
  [true, 'MUTUAL', PLAIN_CLIENT],
  ...([undefined, 'ISTIO_MUTUAL', 'DISABLE', 'SIMPLE', 'MUTUAL'] as const).map((mode): [boolean, TlsMode | undefined, Row] => [false, mode, PLAIN_CLIENT]),
];

describe('connectionSecurity truth table', () => {
  const cases = TRUTH.flatMap(([clientSidecar, clientTlsMode, row]) =>
    SERVERS.map((server, i) => ({ clientSidecar, clientTlsMode, ...server, want: row[i] })),
  );
  it('covers every combination once', () => {
    expect(cases).toHaveLength(2 * 5 * 2 * 3);
  });
  it.each(cases)(
    'client sidecar $clientSidecar, DR tls $clientTlsMode → server sidecar $serverSidecar, $serverMode: $want',
    ({ want, ...args }) => {
      expect(connectionSecurity(args)).toBe(want);
    },
  );
});

describe('configured mTLS from kiali validation inputs', () => {
  const connection = (file: string, host: string) => {
    const config = mesh(docs(`kiali-validation-testdata/validations/${file}`));
    const server = peerAuthenticationMode(config, host.split('.')[1] ?? '', { app: host.split('.')[0] ?? '' }, 9080);
    const tls = trafficPolicyFor(config, 'bookinfo', host, undefined, 9080).tlsMode;
    return connectionSecurity({ clientSidecar: true, clientTlsMode: tls, serverSidecar: true, serverMode: server.mode });
  };
  it.each([
    ['mesh DISABLE + *.local DISABLE: plaintext', 'peerauthentications/disabled_meshwide_checker_1.yaml', 'reviews.bookinfo.svc.cluster.local', 'plaintext'],
    ['mesh DISABLE + grafana ISTIO_MUTUAL: the conflict Kiali flags', 'peerauthentications/disabled_meshwide_checker_1.yaml', 'grafana.istio-system.svc.cluster.local', 'rejected'],
    ['namespace DISABLE + details ISTIO_MUTUAL: rejected', 'peerauthentications/disabled_namespacewide_checker_1.yaml', 'details.bookinfo.svc.cluster.local', 'rejected'],
    ['namespace DISABLE + wildcard DISABLE: plaintext', 'peerauthentications/disabled_namespacewide_checker_1.yaml', 'reviews.bookinfo.svc.cluster.local', 'plaintext'],
  ])('%s', (_label, file, host, want) => {
    expect(connection(file, host)).toBe(want);
  });
});
