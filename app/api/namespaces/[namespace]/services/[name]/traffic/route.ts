import { BadRequestError } from '@/lib/errors';
import { jsonRoute } from '@/lib/http/handler';
import { parseDryRun, parseTrafficPath } from '@/lib/traffic-params';
import { applyTraffic, fetchTrafficModel } from '@/lib/traffic-service';

export const dynamic = 'force-dynamic';

// A static `services` segment beside `[kind]` (as `workloads/[name]/resources` is): Next matches whole paths, so
// `…/services/{name}` and its metrics still reach `[kind]/[name]`; only `…/traffic` comes here.
type Context = { params: Promise<{ namespace: string; name: string }> };

/**
 * The service's traffic settings as the form edits them (DESIGN §4); 400 names a bad path segment, 404 when the
 * namespace or service does not exist, 502/504 when the Kubernetes API fails.
 */
export const GET = jsonRoute(async (_request: Request, context: Context) => {
  const { namespace, service } = parseTrafficPath(await context.params);
  return fetchTrafficModel(namespace, service);
});

/**
 * Applies the edited settings (`?dryRun=true` checks only). 400 names the first bad field (all in `details.fields`),
 * 403 when the user may not, 409 when the objects changed since they were read (with the diff), 422 when the form
 * cannot represent the objects or the API server refuses one; the answer carries the diffs and the recorded change.
 */
export const PUT = jsonRoute(async (request: Request, context: Context) => {
  const { namespace, service } = parseTrafficPath(await context.params);
  const dryRun = parseDryRun(new URL(request.url).searchParams);
  const edit: unknown = await request.json().catch(() => {
    throw new BadRequestError('body', 'must be JSON: the traffic settings with the resourceVersion they were read at');
  });
  return applyTraffic(namespace, service, edit, dryRun);
});
