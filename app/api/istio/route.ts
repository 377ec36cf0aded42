import { jsonRoute } from '@/lib/http/handler';
import { fetchIstioList } from '@/lib/istio-service';
import { parseIstioListParams } from '@/lib/mesh/istio/params';

export const dynamic = 'force-dynamic';

/**
 * Istio objects of the chosen namespaces with their validations (DESIGN §4); 400 names a bad parameter, 404 for an
 * unknown namespace, 502/504 when the Kubernetes API fails.
 */
export const GET = jsonRoute(async (request: Request) => fetchIstioList(parseIstioListParams(new URL(request.url).searchParams)));
