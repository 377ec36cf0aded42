import { jsonRoute } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/** Liveness: the server process answers. It does not look at any upstream. */
export const GET = jsonRoute(async () => ({ status: 'ok' }));
