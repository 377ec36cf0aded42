import { jsonRoute } from '@/lib/http/handler';
import { parseTraceId } from '@/lib/mesh/traces/search-params';
import { fetchTrace } from '@/lib/trace-service';

export const dynamic = 'force-dynamic';

/** One normalized trace (DESIGN §4); 400 unless the id is 16 or 32 hex digits, 404 when unknown, 502/504 on failure. */
export const GET = jsonRoute(async (_request: Request, context: { params: Promise<{ traceId: string }> }) => {
  return fetchTrace(parseTraceId((await context.params).traceId));
});
