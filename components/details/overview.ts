// What the overview tab shows of an item: facts, versions, related items, Istio objects and the sidecar warning. Pure.

import type { InventoryDetails, InventoryItem, IstioRef, PodSummary, ServiceItem } from '@/lib/mesh/inventory/types';
import { configObjectHref } from '../config/config-links';
import { detailsHref } from './links';

/** A label and its value, as the overview's fact list shows them. */
export type Fact = [label: string, value: string];

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A service port as `http 9080/TCP (http)`: name, port, protocol, and the app protocol when set. */
export function portText(port: ServiceItem['ports'][number]): string {
  const head = [port.name, `${port.port}/${port.protocol}`].filter(Boolean).join(' ');
  return port.appProtocol ? `${head} (${port.appProtocol})` : head;
}

/** The kind-specific facts, in display order; absent values are left out. */
export function itemFacts(item: InventoryItem): Fact[] {
  switch (item.kind) {
    case 'workloads': {
      const r = item.replicas;
      const facts: [string, string | undefined][] = [
        ['Controller', item.controller],
        ['App', item.app],
        ['Version', item.version],
        ['Replicas', `${r.ready} of ${r.desired} ready, ${r.available} available`],
        ['Service accounts', item.serviceAccounts.join(', ') || undefined],
      ];
      return facts.filter((f): f is Fact => f[1] !== undefined);
    }
    case 'services':
      return [
        ['Type', item.type],
        ['Ports', item.ports.map(portText).join(', ') || 'none'],
      ];
    case 'apps':
      return [['Workloads', count(item.workloads.length, 'workload')]];
  }
}

/**
 * The versions of an item: an app's from its workloads, a workload's own, and a service's from the pods it
 * selects (`version`, else `app.kubernetes.io/version`, the labels Istio reads a revision from).
 */
export function itemVersions(details: InventoryDetails): string[] {
  const { item, pods } = details;
  if (item.kind === 'apps') return item.versions;
  if (item.kind === 'workloads') return item.version ? [item.version] : [];
  const versions = pods.map((p) => p.labels.version ?? p.labels['app.kubernetes.io/version']).filter((v): v is string => Boolean(v));
  return [...new Set(versions)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** A map's entries sorted by key, for label and selector lists. */
export function sortedEntries(map: Record<string, string>): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
}

export interface RelatedGroup {
  heading: string;
  links: { name: string; href: string }[];
}

/** The items this one is tied to, as links to their pages; groups without members are left out. */
export function relatedGroups(item: InventoryItem): RelatedGroup[] {
  const ns = item.namespace;
  const group = (heading: string, kind: 'apps' | 'workloads' | 'services', names: readonly string[]): RelatedGroup => ({
    heading,
    links: [...names].sort().map((name) => ({ name, href: detailsHref({ namespace: ns, kind, name }) })),
  });
  const groups: RelatedGroup[] = [];
  if (item.kind === 'workloads') {
    if (item.app) groups.push(group('App', 'apps', [item.app]));
    groups.push(group('Services', 'services', item.services));
  } else if (item.kind === 'services') {
    groups.push(group('Workloads', 'workloads', item.workloads));
  } else {
    groups.push(group('Workloads', 'workloads', item.workloads), group('Services', 'services', item.services));
  }
  return groups.filter((g) => g.links.length > 0);
}

/**
 * The Istio objects that apply to an item in `namespace`, by kind then namespace and name, each linking to its
 * own page in the config browser; one from elsewhere (a mesh-wide policy in istio-system) is named with its namespace.
 */
export function istioLinks(refs: readonly IstioRef[], namespace: string): (IstioRef & { label: string; href: string })[] {
  return [...refs]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((ref) => ({ ...ref, label: ref.namespace === namespace ? ref.name : `${ref.namespace}/${ref.name}`, href: configObjectHref(ref) }));
}

function podSidecars(pods: readonly PodSummary[]): 'injected' | 'partial' | 'missing' | undefined {
  if (pods.length === 0) return undefined;
  const injected = pods.filter((p) => p.sidecar).length;
  return injected === pods.length ? 'injected' : injected === 0 ? 'missing' : 'partial';
}

/**
 * A warning when pods run without the Istio sidecar: their traffic is missing from every chart here and escapes
 * mTLS and routing rules. A service has no sidecar status of its own, so its pods decide.
 */
export function sidecarWarning(details: InventoryDetails): string | undefined {
  const { item, pods } = details;
  const status = item.kind === 'services' ? podSidecars(pods) : item.sidecar;
  const pronoun = item.kind === 'services' ? 'it selects' : 'of this ' + (item.kind === 'apps' ? 'app' : 'workload');
  if (status === 'missing') {
    return `No pod ${pronoun} runs the Istio sidecar: its traffic is not in these metrics, and mTLS and routing rules do not apply to it.`;
  }
  if (status === 'partial') {
    const without = pods.filter((p) => !p.sidecar).length;
    const which = without > 0 ? `${count(without, 'pod')} ${pronoun} ${without === 1 ? 'runs' : 'run'}` : `Some pods ${pronoun} run`;
    return `${which} without the Istio sidecar: their traffic is not in these metrics, and mTLS and routing rules do not apply to it.`;
  }
  return undefined;
}
