import { fetchGraph } from '@/lib/graph-service';
import { jsonRoute } from '@/lib/http/handler';
import { parseGraphParams } from '@/lib/mesh/graph/params';

export const dynamic = 'force-dynamic';

/** The topology of the chosen namespaces (DESIGN §4); 400 names a bad parameter, 502/504 when Prometheus fails. */
export const GET = jsonRoute(async (request: Request) => {
  const now = Math.floor(Date.now() / 1000);
  const params = parseGraphParams(new URL(request.url).searchParams, now);
  return fetchGraph(params, now);
});
