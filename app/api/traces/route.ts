import { jsonRoute } from '@/lib/http/handler';
import { parseTraceSearchParams } from '@/lib/mesh/traces/search-params';
import { searchTraces } from '@/lib/trace-service';

export const dynamic = 'force-dynamic';

/** Trace summaries matching a search (DESIGN §4); 400 names a bad parameter, 502/504 when Jaeger fails. */
export const GET = jsonRoute(async (request: Request) => {
  const params = parseTraceSearchParams(new URL(request.url).searchParams, Date.now() * 1000);
  return searchTraces(params);
});
