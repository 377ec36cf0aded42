// Two VirtualServices declaring the same host for the same gateway (or both for the mesh). Pure.
//
// Facts from Istio's VirtualService reference and its conflicting-hosts analyzer: no `gateways` means `mesh`; a
// host is qualified in the VS's namespace; two VSs clash only where both are visible, i.e. their `exportTo` sets
// (absent or `*` = everywhere, `.` = own namespace) share a namespace; a wildcard host clashes with the names it
// covers (`*.d` with `*.productpage.d`).

import type { IstioRef } from '../../inventory/types';
import { hostSpecificity, qualifyHost } from '../hosts';
import { refKey, refOf, type ConfigScope, type Finding, type IstioResource } from '../types';
import { MESH_GATEWAY, resolveGateway } from './gateway-refs';
import { finding, list, nsName, str } from '../read';

interface Binding {
  vs: IstioResource;
  gateways: string[];
  /** Undefined: visible in every namespace. */
  visibleIn?: Set<string>;
  hosts: { index: number; written: string; fqdn: string }[];
}

function bindingOf(vs: IstioResource): Binding {
  const ns = vs.metadata.namespace;
  const written = list(vs.spec.gateways).flatMap((g) => str(g) ?? []);
  const exportTo = list(vs.spec.exportTo).flatMap((e) => str(e) ?? []);
  const everywhere = exportTo.length === 0 || exportTo.includes('*');
  return {
    vs,
    gateways: written.length === 0 ? [MESH_GATEWAY] : [...new Set(written.map((g) => resolveGateway(g, ns)))],
    ...(everywhere ? {} : { visibleIn: new Set(exportTo.map((e) => (e === '.' ? ns : e))) }),
    hosts: list(vs.spec.hosts).flatMap((h, index) => {
      const host = str(h);
      return host === undefined ? [] : [{ index, written: host, fqdn: qualifyHost(host, ns) }];
    }),
  };
}

function overlap(a: string, b: string): boolean {
  return hostSpecificity(a, b) !== undefined || hostSpecificity(b, a) !== undefined;
}

function seenTogether(a: Binding, b: Binding): boolean {
  if (!a.visibleIn || !b.visibleIn) return (a.visibleIn ?? b.visibleIn)?.size !== 0;
  return [...a.visibleIn].some((ns) => b.visibleIn?.has(ns));
}

function where(gateway: string): string {
  return gateway === MESH_GATEWAY ? 'the mesh' : `gateway ${gateway}`;
}

/** `vs.duplicate-host` findings of every VirtualService in scope, keyed by refKey. */
export function duplicateHostFindings(scope: ConfigScope): Map<string, Finding[]> {
  const bindings = scope.objects.filter((o) => o.kind === 'VirtualService').map(bindingOf);
  // One finding per (VS, host index, gateway), naming every other VS it clashes with there.
  const clashes = new Map<string, { vs: IstioResource; index: number; written: string; gateway: string; others: IstioRef[] }>();
  const note = (b: Binding, h: Binding['hosts'][number], gateway: string, other: IstioResource) => {
    const key = `${refKey(refOf(b.vs))}|${h.index}|${gateway}`;
    const entry = clashes.get(key) ?? { vs: b.vs, index: h.index, written: h.written, gateway, others: [] };
    entry.others.push(refOf(other));
    clashes.set(key, entry);
  };
  for (const [i, a] of bindings.entries()) {
    for (const b of bindings.slice(i + 1)) {
      if (!seenTogether(a, b)) continue;
      for (const gateway of a.gateways.filter((g) => b.gateways.includes(g))) {
        for (const ha of a.hosts) {
          for (const hb of b.hosts.filter((h) => overlap(ha.fqdn, h.fqdn))) {
            note(a, ha, gateway, b.vs);
            note(b, hb, gateway, a.vs);
          }
        }
      }
    }
  }
  const out = new Map<string, Finding[]>();
  for (const c of clashes.values()) {
    const others = [...new Map(c.others.map((r) => [refKey(r), r])).values()];
    const message = `host "${c.written}" is also declared for ${where(c.gateway)} by VirtualService ${others.map(nsName).join(', ')}`;
    const key = refKey(refOf(c.vs));
    out.set(key, [...(out.get(key) ?? []), finding('vs.duplicate-host', 'warning', message, `spec.hosts[${c.index}]`, others)]);
  }
  return out;
}
