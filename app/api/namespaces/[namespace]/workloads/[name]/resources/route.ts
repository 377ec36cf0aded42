import { jsonRoute } from '@/lib/http/handler';
import { fetchSidecarResources } from '@/lib/inventory-service';
import { parseResourcesParams } from '@/lib/mesh/inventory/params';

export const dynamic = 'force-dynamic';

/**
 * CPU and memory of a workload's Istio sidecars over time, summed over its pods; 400 names a bad parameter, 404
 * for an unknown workload, 502/504 when Kubernetes or Prometheus fails. (A static `workloads` segment beside the
 * dynamic `[kind]` wins for this path only; the lists, details and metrics still go through `[kind]`.)
 */
export const GET = jsonRoute(async (request: Request, context: { params: Promise<{ namespace: string; name: string }> }) => {
  const now = Math.floor(Date.now() / 1000);
  const params = parseResourcesParams(await context.params, new URL(request.url).searchParams);
  return fetchSidecarResources(params, now);
});
