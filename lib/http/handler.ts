import 'server-only';
import { toErrorBody } from '../errors';

/** Wraps a route handler so any thrown error becomes the API's JSON error body with its status. */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<unknown>) {
  return async (...args: A): Promise<Response> => {
    try {
      return Response.json(await handler(...args), { headers: { 'Cache-Control': 'no-store' } });
    } catch (err) {
      const { status, body } = toErrorBody(err);
      if (status >= 500) console.error(JSON.stringify({ level: 'error', msg: body.error.message, code: body.error.code }));
      return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
    }
  };
}
