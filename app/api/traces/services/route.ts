import { jsonRoute } from '@/lib/http/handler';
import { fetchTraceServices } from '@/lib/trace-service';

export const dynamic = 'force-dynamic';

/** Service names known to the trace store (DESIGN §4); 502/504 when Jaeger fails. */
export const GET = jsonRoute(async () => fetchTraceServices());
