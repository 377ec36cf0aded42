import { UpstreamError, type Upstream } from './errors';

/** Whether an error came from an aborted or timed-out request. */
export function isTimeout(err: unknown): boolean {
  if (!(err instanceof Error) && !(typeof err === 'object' && err !== null)) return false;
  const e = err as { name?: unknown; code?: unknown; errorType?: unknown; cause?: unknown };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (e.code === 'ECONNABORTED' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.errorType === 'timeout_error') return true;
  return e.cause !== undefined && e.cause !== err && isTimeout(e.cause);
}

/** The most specific message of an error chain (fetch hides the reason in `cause`). */
export function describeError(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const e = err as { message?: unknown; error?: unknown; cause?: unknown; code?: unknown };
    const cause = e.cause !== undefined && e.cause !== err ? describeError(e.cause) : '';
    const own = typeof e.message === 'string' ? e.message : typeof e.error === 'string' ? e.error : '';
    if (cause && (own === '' || own === 'fetch failed')) return cause;
    if (own) return own;
    if (typeof e.code === 'string') return e.code;
  }
  return String(err);
}

/** Runs one upstream call, turning any failure into an UpstreamError that names the upstream. */
export async function callUpstream<T>(upstream: Upstream, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof UpstreamError) throw err;
    if (isTimeout(err)) throw new UpstreamError(upstream, 'upstream_timeout', `no answer within ${timeoutMs} ms`);
    throw new UpstreamError(upstream, 'upstream_unavailable', describeError(err));
  }
}
