import { jsonRoute } from '@/lib/http/handler';
import { parseServiceName } from '@/lib/mesh/traces/search-params';
import { fetchTraceOperations } from '@/lib/trace-service';

export const dynamic = 'force-dynamic';

/** Operation names of one service in the trace store (DESIGN §4); 400 for a bad name, 502/504 when Jaeger fails. */
export const GET = jsonRoute(async (_request: Request, context: { params: Promise<{ service: string }> }) => {
  return fetchTraceOperations(parseServiceName((await context.params).service));
});
