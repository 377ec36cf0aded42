import { clearedSessionCookie } from '@/lib/auth/session';
import { jsonRoute } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

/** Deletes the session cookie; works with or without a session (jsonRoute gets no Request: no identity needed). */
export async function POST(request: Request): Promise<Response> {
  const response = await jsonRoute(async () => ({ authenticated: false }))();
  response.headers.append('Set-Cookie', clearedSessionCookie(request));
  return response;
}
