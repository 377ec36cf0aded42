import { jsonRoute } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/** Liveness: the server process answers. It does not look at any upstream. */
// Answers without a session: probes and the test scripts call it before anyone signs in.
export const GET = jsonRoute(async () => ({ status: 'ok' }), { anyone: true });
