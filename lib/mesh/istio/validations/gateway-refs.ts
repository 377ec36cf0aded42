// Gateways a VirtualService names must exist. Pure.
//
// Facts from Istio's VirtualService reference: `mesh` is reserved for all sidecars; a name without a namespace is a
// Gateway in the VirtualService's namespace, `ns/name` one in `ns`; pilot also reads the older `name.ns…` form.
// Names with `~` are the internal gateways Istio generates from Kubernetes Gateway API objects, which the scope does
// not list, so they are not judged here.

import type { ConfigScope, Finding, IstioResource } from '../types';
import { finding } from '../read';
import { gatewayNamesOf } from './routes';

export const MESH_GATEWAY = 'mesh';

/** The `namespace/name` a gateway reference resolves to, or `mesh`. */
export function resolveGateway(name: string, vsNamespace: string): string {
  if (name === MESH_GATEWAY) return MESH_GATEWAY;
  if (name.includes('/')) return name;
  const [gw = name, ns] = name.split('.');
  return `${ns ?? vsNamespace}/${gw}`;
}

/** `vs.gateway-not-found` for each gateway name (top level and in HTTP/TCP/TLS matches) naming no Gateway. */
export function gatewayFindings(scope: ConfigScope, vs: IstioResource): Finding[] {
  const gateways = new Set(scope.objects.filter((o) => o.kind === 'Gateway').map((g) => `${g.metadata.namespace}/${g.metadata.name}`));
  return gatewayNamesOf(vs).flatMap(({ path, name }) => {
    const key = resolveGateway(name, vs.metadata.namespace);
    if (key === MESH_GATEWAY || name.includes('~') || gateways.has(key)) return [];
    return [finding('vs.gateway-not-found', 'error', `gateway "${name}" names no Gateway (looked for ${key})`, path)];
  });
}
