// Which requests are for programs rather than people: they answer with status codes, never a login redirect.

/** Whether `pathname` is the JSON API (`/api` and below). */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The console's own metrics: read by a Prometheus, which cannot sign in (MESHSCOPE_METRICS_TOKEN guards it). */
export const METRICS_PATH = '/metrics';
