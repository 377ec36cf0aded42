import { jsonRoute } from '@/lib/http/handler';
import { fetchInventoryList } from '@/lib/inventory-service';
import { parseInventoryParams } from '@/lib/mesh/inventory/params';

export const dynamic = 'force-dynamic';

/**
 * A namespace's apps, workloads or services with health, versions, sidecar status and Istio config (DESIGN §4);
 * 400 names a bad parameter, 404 for an unknown namespace, 502/504 when Kubernetes or Prometheus fails.
 */
export const GET = jsonRoute(async (request: Request, context: { params: Promise<{ namespace: string; kind: string }> }) => {
  const params = parseInventoryParams(await context.params, new URL(request.url).searchParams);
  return fetchInventoryList(params);
});
