/**
 * The route template of a request path: each segment that is one of the route's parameter values becomes `[name]`
 * (`/api/namespaces/bookinfo/services` with `{ namespace: 'bookinfo' }` → `/api/namespaces/[namespace]/services`),
 * so a metric label stays bounded however many namespaces and services exist.
 */
export function routeLabel(pathname: string, params: Record<string, string | string[] | undefined> = {}): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) if (!byValue.has(v)) byValue.set(v, name);
  }
  const segments = pathname.split('/').map((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return segment;
    }
    const name = byValue.get(decoded);
    return name === undefined || segment === '' ? segment : `[${name}]`;
  });
  return segments.join('/');
}
