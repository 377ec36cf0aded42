import type { RequestLabels, TcpLabels } from './metrics';
import { principalOf, type Protocol, type WorkloadRef } from './model';
import type { SimService } from './runtime-topology';

/** Istio's default cluster id, reported in `*_cluster` labels. */
export const CLUSTER = 'Kubernetes';
const UNKNOWN = 'unknown';

/** What one hop looked like on the wire, as both proxies would describe it. */
export interface HopFacts {
  reporter: 'source' | 'destination';
  /** Undefined when the client is outside the mesh (no sidecar, no identity). */
  source: WorkloadRef | undefined;
  service: SimService | undefined;
  /** The host asked for, even when no such service exists. */
  host: string;
  /** Undefined when the request never reached a workload. */
  destination: WorkloadRef | undefined;
  /** Whether the hop was mutual TLS (identities are known only then). */
  mtls: boolean;
}

function sourceLabels(source: WorkloadRef | undefined, knownToServer: boolean, mtls: boolean) {
  if (!source || !knownToServer) {
    return {
      source_workload: UNKNOWN,
      source_workload_namespace: UNKNOWN,
      source_principal: UNKNOWN,
      source_app: UNKNOWN,
      source_version: UNKNOWN,
      source_canonical_service: UNKNOWN,
      source_canonical_revision: UNKNOWN,
      source_cluster: UNKNOWN,
    };
  }
  return {
    source_workload: source.workload,
    source_workload_namespace: source.namespace,
    // The principal comes from the client's certificate: without mTLS there is none to read.
    source_principal: mtls ? principalOf(source) : UNKNOWN,
    source_app: source.app,
    source_version: source.version,
    source_canonical_service: source.app,
    source_canonical_revision: source.version === UNKNOWN ? 'latest' : source.version,
    source_cluster: CLUSTER,
  };
}

function destinationLabels(f: HopFacts) {
  const d = f.destination;
  const serviceName = f.service?.spec.name ?? f.host;
  return {
    destination_workload: d?.workload ?? UNKNOWN,
    destination_workload_namespace: d?.namespace ?? UNKNOWN,
    // The server's identity is proven only by mTLS; Istio reports it from the peer certificate.
    destination_principal: d && (f.mtls || f.reporter === 'destination') && d.sidecar ? principalOf(d) : UNKNOWN,
    destination_app: d?.app ?? UNKNOWN,
    destination_version: d?.version ?? UNKNOWN,
    destination_service: f.host,
    destination_service_name: serviceName,
    destination_service_namespace: f.service?.namespace ?? UNKNOWN,
    destination_canonical_service: d?.app ?? UNKNOWN,
    destination_canonical_revision: d ? d.version : UNKNOWN,
    destination_cluster: d ? CLUSTER : UNKNOWN,
  };
}

function securityPolicy(f: HopFacts): 'mutual_tls' | 'none' | 'unknown' {
  // Only the server side knows how the connection was secured; the client reports "unknown".
  if (f.reporter === 'source') return UNKNOWN;
  return f.mtls ? 'mutual_tls' : 'none';
}

/** The label set of `istio_requests_total` and friends for one hop and outcome. */
export function requestLabels(f: HopFacts, protocol: Exclude<Protocol, 'tcp'>, responseCode: number, grpcStatus: string, flags: string): RequestLabels {
  // For HTTP the client's sidecar sends its identity in peer-metadata headers, even in plaintext; only a client
  // without a sidecar stays unknown to the server.
  const knownToServer = f.reporter === 'source' || Boolean(f.source?.sidecar);
  return {
    reporter: f.reporter,
    ...sourceLabels(f.source, knownToServer, f.reporter === 'source' || f.mtls),
    ...destinationLabels(f),
    request_protocol: protocol,
    response_code: String(responseCode),
    grpc_response_status: protocol === 'grpc' ? grpcStatus : '',
    response_flags: flags,
    connection_security_policy: securityPolicy(f),
  };
}

/** The label set of the `istio_tcp_*` metrics for one hop. */
export function tcpLabels(f: HopFacts, flags: string): TcpLabels {
  // TCP has no headers: peer metadata travels in the mTLS handshake, so plaintext leaves the client unknown.
  const knownToServer = f.reporter === 'source' || f.mtls;
  return {
    reporter: f.reporter,
    ...sourceLabels(f.source, knownToServer, f.reporter === 'source' || f.mtls),
    ...destinationLabels(f),
    response_flags: flags,
    connection_security_policy: securityPolicy(f),
  };
}
