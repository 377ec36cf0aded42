// From a trace to the graph of the namespaces it touched. Pure.

/**
 * The graph URL for a trace's services. Istio's tracing names services `name.namespace`; a name without a dot
 * names no namespace, and null means no service did.
 */
export function graphHrefForServices(services: readonly string[]): string | null {
  const namespaces = [...new Set(services.map((s) => s.split('.')).filter((p) => p.length === 2 && p[0] && p[1]).map((p) => p[1] as string))].sort();
  return namespaces.length > 0 ? `/graph?namespaces=${namespaces.map(encodeURIComponent).join(',')}` : null;
}
