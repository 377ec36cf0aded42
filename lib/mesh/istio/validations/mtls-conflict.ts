// A DestinationRule that turns client TLS off toward servers that require mutual TLS. Pure.
//
// Facts from Istio's DestinationRule and PeerAuthentication references: `tls.mode: DISABLE` makes the client send
// plaintext; a server under STRICT PeerAuthentication refuses plaintext, so the pair fails every request. A
// port-level setting applies to one service port; PeerAuthentication's port-level modes are keyed by the workload's
// port, so a service port is mapped through its numeric targetPort. A workload without a sidecar enforces nothing.
// When the host's services have no workloads in scope, the namespace- and mesh-wide policies are what a workload
// deployed there would get, so those are judged instead.

import type { IstioRef } from '../../inventory/types';
import { peerModeFor } from '../../mtls/peer-mode';
import { hostSpecificity, namespaceOfFqdn, qualifyHost, serviceFqdn } from '../hosts';
import { refKey, type ConfigScope, type Finding, type IstioResource, type MeshService } from '../types';
import { finding, list, nsName, record, str } from '../read';
import { workloadsOfService } from './registry';

interface DisableSite {
  path: string;
  port?: number;
}

function disableSites(dr: IstioResource): DisableSite[] {
  const policy = record(dr.spec.trafficPolicy);
  const sites: DisableSite[] = [];
  if (record(policy?.tls)?.mode === 'DISABLE') sites.push({ path: 'spec.trafficPolicy.tls.mode' });
  for (const [i, s] of list(policy?.portLevelSettings).entries()) {
    const port = record(record(s)?.port)?.number;
    if (record(record(s)?.tls)?.mode === 'DISABLE' && typeof port === 'number') {
      sites.push({ path: `spec.trafficPolicy.portLevelSettings[${i}].tls.mode`, port });
    }
  }
  return sites;
}

/** The workload port a service port forwards to (the service port itself when the target is named or absent). */
function workloadPort(svc: MeshService, port: number): number | undefined {
  const p = svc.ports.find((x) => x.port === port);
  if (!p) return undefined;
  return typeof p.targetPort === 'number' ? p.targetPort : port;
}

/** Who would enforce STRICT against this site: `name` of the server and the policy that decided. */
function strictServers(scope: ConfigScope, pattern: string, site: DisableSite): { server: string; by?: IstioRef }[] {
  const services = scope.services.filter((s) => hostSpecificity(pattern, serviceFqdn(s.namespace, s.name)) !== undefined);
  const served = services.flatMap((svc) => workloadsOfService(scope, svc).map((w) => ({ svc, w })));
  if (served.length === 0) {
    const one = pattern.includes('*') ? namespaceOfFqdn(pattern.replace(/^\*\./, 'x.')) : namespaceOfFqdn(pattern);
    const namespaces = one !== undefined ? [one] : pattern.includes('*') ? [...scope.namespaces] : [];
    return namespaces.flatMap((ns) => {
      const d = peerModeFor(scope, ns, {}, site.port);
      return d.mode === 'STRICT' ? [{ server: `workloads of namespace ${ns}`, by: d.decidedBy }] : [];
    });
  }
  return served.flatMap(({ svc, w }) => {
    const port = site.port === undefined ? undefined : workloadPort(svc, site.port);
    if (!w.sidecar || (site.port !== undefined && port === undefined)) return [];
    const d = peerModeFor(scope, w.namespace, w.labels, port);
    return d.mode === 'STRICT' ? [{ server: nsName(w), by: d.decidedBy }] : [];
  });
}

/** `mtls.strict-with-disable` for each DISABLE the DestinationRule sets toward servers requiring mTLS. */
export function mtlsConflictFindings(scope: ConfigScope, dr: IstioResource): Finding[] {
  const host = str(dr.spec.host);
  if (host === undefined) return [];
  const pattern = qualifyHost(host, dr.metadata.namespace);
  return disableSites(dr).flatMap((site) => {
    const strict = strictServers(scope, pattern, site);
    if (strict.length === 0) return [];
    const policies = [...new Map(strict.flatMap((s) => (s.by ? [[refKey(s.by), s.by] as const] : []))).values()];
    const servers = [...new Set(strict.map((s) => s.server))];
    const shownServers = servers.length > 3 ? `${servers.slice(0, 3).join(', ')} and ${servers.length - 3} more` : servers.join(', ');
    const port = site.port === undefined ? '' : ` on port ${site.port}`;
    const message = `tls mode DISABLE${port} sends plaintext to ${shownServers}, which require mutual TLS (STRICT by PeerAuthentication ${policies.map(nsName).join(', ')})`;
    return [finding('mtls.strict-with-disable', 'error', message, site.path, policies)];
  });
}
