import { metricsAccessError } from '@/lib/auth/metrics-access';
import { appConfig } from '@/lib/config/env';
import { toErrorBody } from '@/lib/errors';
import { breakerSnapshots } from '@/lib/resilience/breakers';
import { EXPOSITION_CONTENT_TYPE } from '@/lib/telemetry/exposition';
import { telemetry } from '@/lib/telemetry/instruments';

export const dynamic = 'force-dynamic';

/**
 * The console's own metrics in the Prometheus text format, for a Prometheus to scrape; behind a bearer token when
 * MESHSCOPE_METRICS_TOKEN is set.
 */
export function GET(request: Request): Response {
  const refused = metricsAccessError(appConfig().metricsToken, request.headers.get('authorization'));
  if (refused) {
    const { status, body } = toErrorBody(refused);
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="meshscope-metrics"';
    return Response.json(body, { status, headers });
  }
  // Creates the breakers when no upstream call has yet, so their state series exist from the first scrape.
  breakerSnapshots();
  return new Response(telemetry().registry.render(), {
    headers: { 'Content-Type': EXPOSITION_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}
