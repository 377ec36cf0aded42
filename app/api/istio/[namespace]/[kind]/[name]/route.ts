import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import { jsonRoute } from '@/lib/http/handler';
import { updateIstioObject } from '@/lib/istio-edit-service';
import { fetchIstioDetails } from '@/lib/istio-service';
import { parseIstioObjectParams } from '@/lib/mesh/istio/params';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ namespace: string; kind: string; name: string }> };

/**
 * One Istio object with its YAML, validation and references (DESIGN §4); 400 names a bad path segment, 404 when
 * it does not exist, 502/504 when the Kubernetes API fails.
 */
export const GET = jsonRoute(async (_request: Request, context: Context) => fetchIstioDetails(parseIstioObjectParams(await context.params)));

const body = z.object({ yaml: z.string() });

function dryRunOf(params: URLSearchParams): boolean {
  const raw = params.get('dryRun');
  if (raw === null || raw === 'false') return false;
  if (raw === 'true' || raw === '') return true;
  throw new BadRequestError('dryRun', 'must be true or false');
}

/**
 * Replaces the object with the edited YAML in `{ yaml }` (`?dryRun=true` checks only). 400 names a bad field, 403
 * when the user may not, 409 when it changed meanwhile (with the diff), 422 with the API server's words when it
 * refuses the object; the answer carries the diff against the live object.
 */
export const PUT = jsonRoute(async (request: Request, context: Context) => {
  const target = parseIstioObjectParams(await context.params);
  const dryRun = dryRunOf(new URL(request.url).searchParams);
  const parsed = body.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) throw new BadRequestError('yaml', 'the body must be JSON { "yaml": "<the object as YAML>" }');
  return updateIstioObject(target, parsed.data.yaml, dryRun);
});
