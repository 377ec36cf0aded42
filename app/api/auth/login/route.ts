import { signIn } from '@/lib/auth/service';
import { jsonRoute } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/**
 * Token strategy: checks `{token}` against the API server (401 when it rejects it) and keeps it in a sealed,
 * httpOnly session cookie; answers `{user}`. Needs no session itself: jsonRoute gets no Request, so it does not
 * demand an identity.
 */
export async function POST(request: Request): Promise<Response> {
  let setCookie: string | undefined;
  const response = await jsonRoute(async () => {
    const { user, setCookie: cookie } = await signIn(request);
    setCookie = cookie;
    return { user: user ?? null };
  })();
  // jsonRoute builds the JSON response; the cookie is added to it only once signing in succeeded.
  if (setCookie) response.headers.append('Set-Cookie', setCookie);
  return response;
}
