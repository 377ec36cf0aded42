import { parseAccessCheck } from '@/lib/auth/access-check';
import { mayI } from '@/lib/auth/service';
import { jsonRoute } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/**
 * `?verb=&group=&resource=[&namespace=][&name=]` → `{allowed}`, asked of the API server as the request's user
 * (SelfSubjectAccessReview); 400 names a bad field; read-only mode says no to every write.
 */
export const GET = jsonRoute(async (request: Request) => ({
  allowed: await mayI(parseAccessCheck(new URL(request.url).searchParams)),
}));
