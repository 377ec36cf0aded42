import { jsonRoute } from '@/lib/http/handler';
import { parseMtlsParams } from '@/lib/mesh/istio/params';
import { fetchMtlsReport } from '@/lib/mtls-service';

export const dynamic = 'force-dynamic';

/**
 * Mesh-wide, namespace and workload mTLS status with the reasons, and the observed share (DESIGN §4); 400 names a
 * bad parameter, 404 for an unknown namespace, 502/504 when the Kubernetes API fails.
 */
export const GET = jsonRoute(async (request: Request) => fetchMtlsReport(parseMtlsParams(new URL(request.url).searchParams)));
