import { sessionInfo } from '@/lib/auth/service';
import { jsonRoute } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/**
 * `{strategy, authenticated, user?, readOnly}`: answers 200 without a session, so the UI can ask first. jsonRoute
 * gets no Request, so it does not demand an identity; sessionInfo reads the request itself.
 */
export async function GET(request: Request): Promise<Response> {
  return jsonRoute(async () => sessionInfo(request))();
}
