// From a trace to the graph of the namespaces it touched, with the trace's path highlighted. Pure.

import type { Span } from '@/lib/mesh/traces/types';
import { DEFAULT_GRAPH_URL_STATE, serializeGraphUrlState } from '../graph/url-state';

/**
 * The graph URL for a trace's services. Istio's tracing names services `name.namespace`; a name without a dot
 * names no namespace, and null means no service did.
 */
export function graphHrefForServices(services: readonly string[]): string | null {
  const namespaces = namespacesOf(services);
  return namespaces.length > 0 ? `/graph?namespaces=${namespaces.map(encodeURIComponent).join(',')}` : null;
}

function namespacesOf(services: readonly string[]): string[] {
  return [...new Set(services.map((s) => s.split('.')).filter((p) => p.length === 2 && p[0] && p[1]).map((p) => p[1] as string))].sort();
}

/** A Find value, double-quoted with backslash escapes (lib/mesh/graph/find.ts), so any name stays one value. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The versioned-app graph of the namespaces a trace went through, with Find set to the app versions its
 * proxies reported (Envoy's `istio.namespace`, `istio.canonical_service`, `istio.canonical_revision` span tags),
 * so the trace's path lights up. Without those tags it falls back to the namespaces of the service names.
 */
export function graphHrefForTrace(spans: readonly Pick<Span, 'service' | 'attributes'>[]): string | null {
  const hops = new Map<string, string>();
  for (const s of spans) {
    const ns = text(s.attributes['istio.namespace']);
    const app = text(s.attributes['istio.canonical_service']);
    if (!ns || !app) continue;
    // Istio writes "unknown" where a proxy had no version label (a gateway); match such a hop by its app alone.
    const revision = text(s.attributes['istio.canonical_revision']);
    const version = revision === 'unknown' ? undefined : revision;
    const term = [`ns = ${quoted(ns)}`, `app = ${quoted(app)}`, ...(version ? [`version = ${quoted(version)}`] : [])].join(' and ');
    hops.set(`${ns}/${app}/${version ?? ''}`, `(${term})`);
  }
  const namespaces = [...new Set([...hops.keys()].map((k) => k.split('/')[0] as string))].sort();
  if (namespaces.length === 0) return graphHrefForServices(spans.map((s) => s.service));
  const find = [...hops.keys()].sort().map((k) => hops.get(k)).join(' or ');
  const state = { ...DEFAULT_GRAPH_URL_STATE, namespaces, graphType: 'versionedApp' as const, find };
  return `/graph?${serializeGraphUrlState(state).toString()}`;
}
