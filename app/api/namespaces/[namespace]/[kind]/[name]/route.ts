import { jsonRoute } from '@/lib/http/handler';
import { fetchInventoryDetails } from '@/lib/inventory-service';
import { parseInventoryParams } from '@/lib/mesh/inventory/params';

export const dynamic = 'force-dynamic';

/**
 * One app, workload or service with its pods (DESIGN §4); 400 names a bad parameter, 404 when the namespace or
 * the item does not exist, 502/504 when Kubernetes or Prometheus fails.
 */
export const GET = jsonRoute(async (request: Request, context: { params: Promise<{ namespace: string; kind: string; name: string }> }) => {
  const path = await context.params;
  const params = parseInventoryParams(path, new URL(request.url).searchParams);
  return fetchInventoryDetails({ ...params, name: params.name ?? path.name });
});
