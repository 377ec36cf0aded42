import { jsonRoute } from '@/lib/http/handler';
import { fetchMetrics } from '@/lib/metrics-service';
import { parseMetricsParams, type MetricsPath } from '@/lib/mesh/metrics/params';

export const dynamic = 'force-dynamic';

/**
 * Golden-signal series of a service, workload or app (DESIGN §4); 400 names a bad parameter, 502/504 when
 * Prometheus fails.
 */
export const GET = jsonRoute(async (request: Request, context: { params: Promise<MetricsPath> }) => {
  const now = Math.floor(Date.now() / 1000);
  const params = parseMetricsParams(await context.params, new URL(request.url).searchParams, now);
  return fetchMetrics(params, now);
});
