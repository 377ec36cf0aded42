import 'server-only';
import { runAs } from '../auth/context';
import { identityOf } from '../auth/identity';
import { AppError, toErrorBody } from '../errors';
import { telemetry } from '../telemetry/instruments';
import { log } from '../telemetry/log';
import { requestIdFor } from '../telemetry/request-id';
import { routeLabel } from '../telemetry/route-label';

// Next passes `{ params: Promise<…> }` as a route handler's second argument; the metric label needs its values.
async function paramsOf(context: unknown): Promise<Record<string, string | string[] | undefined>> {
  const params = (context as { params?: unknown } | undefined)?.params;
  if (params === undefined) return {};
  try {
    const value: unknown = await params;
    return typeof value === 'object' && value !== null ? (value as Record<string, string | string[] | undefined>) : {};
  } catch {
    return {};
  }
}

interface Outcome {
  request: Request | undefined;
  context: unknown;
  requestId: string;
  status: number;
  started: number;
  error?: unknown;
}

async function record({ request, context, requestId, status, started, error }: Outcome): Promise<void> {
  const durationMs = performance.now() - started;
  const method = request?.method ?? 'GET';
  const route = request ? routeLabel(new URL(request.url).pathname, await paramsOf(context)) : 'unknown';
  telemetry().httpRequestDuration.observe({ method, route, status_class: `${Math.floor(status / 100)}xx` }, durationMs / 1000);
  const fields: Record<string, unknown> = { requestId, method, route, status, durationMs: Math.round(durationMs * 10) / 10 };
  if (error !== undefined) {
    const { body } = toErrorBody(error);
    fields.error = { code: body.error.code, message: body.error.message };
    // The body hides what an unexpected error was; the log is where an operator finds it.
    if (!(error instanceof AppError)) fields.cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  log(status >= 500 ? 'error' : 'info', 'request', fields);
}

/** Next calls every route handler with the request, so one that ignores it still accepts it. */
type RouteArgs<A extends unknown[]> = A extends [] ? [request?: Request, context?: unknown] : A;

/**
 * Wraps a route handler: runs it as the caller's identity (`anyone`: without one, for the few routes that must
 * answer before anyone signs in and call no upstream as a user, such as liveness), turns any thrown error into the API's JSON error body
 * with its status, tags the response with a request id (the caller's `X-Request-Id` when well-formed) and records
 * one log line and the request's duration.
 */
export function jsonRoute<A extends unknown[]>(
  handler: (...args: A) => Promise<unknown>,
  options: { anyone?: boolean } = {},
): (...args: RouteArgs<A>) => Promise<Response> {
  return async (...routeArgs: RouteArgs<A>): Promise<Response> => {
    const args = routeArgs as unknown[] as A;
    const started = performance.now();
    const request = args[0] instanceof Request ? args[0] : undefined;
    const requestId = requestIdFor(request?.headers.get('x-request-id'));
    const headers = { 'Cache-Control': 'no-store', 'X-Request-Id': requestId };
    let response: Response;
    let error: unknown;
    try {
      const body = request && !options.anyone ? await runAs(await identityOf(request), () => handler(...args)) : await handler(...args);
      response = Response.json(body, { headers });
    } catch (err) {
      error = err;
      const { status, body } = toErrorBody(err);
      response = Response.json(body, { status, headers });
    }
    await record({ request, context: args[1], requestId, status: response.status, started, ...(error !== undefined ? { error } : {}) });
    return response;
  };
}
