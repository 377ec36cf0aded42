import { jsonRoute } from '@/lib/http/handler';
import { upstreamStatuses } from '@/lib/status';

export const dynamic = 'force-dynamic';

/** Each upstream: connected or not, its version and how long it took to answer. */
export const GET = jsonRoute(async () => ({ upstreams: await upstreamStatuses() }));
