// Whether a connection between two workloads is mutual TLS, plaintext or refused: PeerAuthentication on the
// server (pilot's `ComposePeerAuthentication`) against the client's DestinationRule TLS mode or auto mTLS.

import { compareByAge, configKey, labelsMatch, type MeshConfig, type MtlsMode, type PeerAuthentication, type TlsMode } from './istio-config';

/** The mTLS mode a server-side sidecar enforces on one port, and the policy that set it. */
export interface PeerAuthenticationDecision {
  mode: Exclude<MtlsMode, 'UNSET'>;
  /** `namespace/name` of the PeerAuthentication that set the mode; absent for Istio's default PERMISSIVE. */
  decidedBy?: string;
}

function oldest(policies: PeerAuthentication[]): PeerAuthentication | undefined {
  return [...policies].sort(compareByAge)[0];
}

function hasSelector(pa: PeerAuthentication): boolean {
  return Object.keys(pa.spec.selector?.matchLabels ?? {}).length > 0;
}

/**
 * The mode a workload's sidecar enforces on `port` (the workload's port, not the Service's). Levels, each decided by
 * its oldest policy: mesh (root namespace, no selector) < namespace (no selector) < workload (selector, never in the
 * root namespace, where pilot ignores selectors). `UNSET` or no `mtls` inherits the level above; `portLevelMtls` of
 * the workload policy overrides for its port (`UNSET` there inherits the workload's mode). Default PERMISSIVE.
 */
export function peerAuthenticationMode(
  config: MeshConfig,
  namespace: string,
  workloadLabels: Record<string, string>,
  port: number,
): PeerAuthenticationDecision {
  const pas = config.peerAuthentications;
  const root = config.rootNamespace;
  const mesh = oldest(pas.filter((pa) => pa.metadata.namespace === root && !hasSelector(pa)));
  const ns = namespace === root ? undefined : oldest(pas.filter((pa) => pa.metadata.namespace === namespace && !hasSelector(pa)));
  const workload =
    namespace === root
      ? undefined
      : oldest(pas.filter((pa) => pa.metadata.namespace === namespace && hasSelector(pa) && labelsMatch(pa.spec.selector?.matchLabels, workloadLabels)));

  let out: PeerAuthenticationDecision = { mode: 'PERMISSIVE' };
  for (const pa of [mesh, ns, workload]) {
    const mode = pa?.spec.mtls?.mode;
    if (pa && mode && mode !== 'UNSET') out = { mode, decidedBy: configKey(pa) };
  }
  const portMode = workload?.spec.portLevelMtls?.[String(port)]?.mode;
  if (workload && portMode && portMode !== 'UNSET') out = { mode: portMode, decidedBy: configKey(workload) };
  return out;
}

/** What happens on the wire between a client and a server, given both sides' proxies and policies. */
export type ConnectionSecurity = 'mutual_tls' | 'plaintext' | 'rejected';

/**
 * The outcome of one connection, from the client's TLS choice and what the server accepts:
 * - a client without sidecar sends plaintext;
 * - a client sidecar with DR `ISTIO_MUTUAL` sends mTLS; with `DISABLE` plaintext;
 * - `SIMPLE`/`MUTUAL` originate non-Istio TLS, which the mesh counts as plaintext;
 * - no DR mode means auto mTLS: mTLS when the server has a sidecar whose mode is not DISABLE, else plaintext;
 * - a server without sidecar takes plaintext only (so an explicit ISTIO_MUTUAL to it is rejected);
 * - a STRICT server rejects plaintext; a DISABLE server rejects mTLS; a PERMISSIVE server takes both.
 */
export function connectionSecurity(args: {
  clientSidecar: boolean;
  clientTlsMode?: TlsMode;
  serverSidecar: boolean;
  serverMode: Exclude<MtlsMode, 'UNSET'>;
}): ConnectionSecurity {
  const sent = clientSends(args);
  if (!args.serverSidecar) return sent === 'mutual_tls' ? 'rejected' : 'plaintext';
  if (sent === 'mutual_tls') return args.serverMode === 'DISABLE' ? 'rejected' : 'mutual_tls';
  return args.serverMode === 'STRICT' ? 'rejected' : 'plaintext';
}

function clientSends(args: { clientSidecar: boolean; clientTlsMode?: TlsMode; serverSidecar: boolean; serverMode: Exclude<MtlsMode, 'UNSET'> }): 'mutual_tls' | 'plaintext' {
  if (!args.clientSidecar) return 'plaintext';
  switch (args.clientTlsMode) {
    case 'ISTIO_MUTUAL':
      return 'mutual_tls';
    case 'DISABLE':
    case 'SIMPLE':
    case 'MUTUAL':
      return 'plaintext';
    default:
      return args.serverSidecar && args.serverMode !== 'DISABLE' ? 'mutual_tls' : 'plaintext';
  }
}
