import { jsonRoute } from '@/lib/http/handler';
import { fetchIstioDetails } from '@/lib/istio-service';
import { parseIstioObjectParams } from '@/lib/mesh/istio/params';

export const dynamic = 'force-dynamic';

/**
 * One Istio object with its YAML, validation and references (DESIGN §4); 400 names a bad path segment, 404 when
 * it does not exist, 502/504 when the Kubernetes API fails.
 */
export const GET = jsonRoute(async (_request: Request, context: { params: Promise<{ namespace: string; kind: string; name: string }> }) =>
  fetchIstioDetails(parseIstioObjectParams(await context.params)),
);
