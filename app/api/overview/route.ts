import { jsonRoute } from '@/lib/http/handler';
import { fetchOverview } from '@/lib/inventory-service';
import { parseOverviewParams } from '@/lib/mesh/inventory/params';

export const dynamic = 'force-dynamic';

/**
 * One card per namespace (all when `namespaces` is absent): health counts, inbound traffic, mTLS share and
 * sidecars; 400 names a bad parameter, 404 for an unknown namespace, 502/504 when an upstream fails.
 */
export const GET = jsonRoute(async (request: Request) => fetchOverview(parseOverviewParams(new URL(request.url).searchParams)));
