import { jsonRoute } from '@/lib/http/handler';
import { parseChangeId, parseDryRun } from '@/lib/traffic-params';
import { revertChange } from '@/lib/traffic-service';

export const dynamic = 'force-dynamic';

/**
 * Puts back the objects as the change found them (`?dryRun=true` checks only) and records the revert. 404 for an
 * unknown change, 403 when the user may not, 409 when an object was changed since the change, 422 when the API
 * server refuses; the answer carries the diffs.
 */
export const POST = jsonRoute(async (request: Request, context: { params: Promise<{ id: string }> }) =>
  revertChange(parseChangeId((await context.params).id), parseDryRun(new URL(request.url).searchParams)),
);
