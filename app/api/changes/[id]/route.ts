import { jsonRoute } from '@/lib/http/handler';
import { parseChangeId } from '@/lib/traffic-params';
import { fetchChangeRecord } from '@/lib/traffic-service';

export const dynamic = 'force-dynamic';

/** One recorded change with each object before and after; 400 for a malformed id, 404 when there is none. */
export const GET = jsonRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => fetchChangeRecord(parseChangeId((await context.params).id)));
