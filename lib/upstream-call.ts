import { UpstreamError, type Upstream } from './errors';
import { breakerFor } from './resilience/breakers';
import type { BreakerSnapshot } from './resilience/circuit-breaker';
import { telemetry } from './telemetry/instruments';

/** Whether an error came from an aborted or timed-out request. */
export function isTimeout(err: unknown): boolean {
  if (!(err instanceof Error) && !(typeof err === 'object' && err !== null)) return false;
  const e = err as { name?: unknown; code?: unknown; errorType?: unknown; cause?: unknown };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (e.code === 'ECONNABORTED' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.errorType === 'timeout_error') return true;
  return e.cause !== undefined && e.cause !== err && isTimeout(e.cause);
}

/** The body of an upstream's error answer as the client library kept it, parsed when it is JSON text. */
export function answerBody(err: unknown): unknown {
  const body = (err as { body?: unknown } | null)?.body;
  if (typeof body !== 'string') return body ?? undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The words of an upstream's error answer, when its body has a `message`: a Kubernetes Status (`storage is
 * (re)initializing`) as the client library hands it over, parsed or as text.
 */
export function answerMessage(err: unknown): string | undefined {
  const message = (answerBody(err) as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/**
 * The most specific message of an error chain (fetch hides the reason in `cause`); for an answer with a status and
 * its own words, those words and the status, not the client library's dump of body and headers.
 */
export function describeError(err: unknown): string {
  const answered = answeredStatus(err);
  const words = answerMessage(err);
  if (answered !== undefined && words !== undefined) return `${words} (HTTP ${answered})`;
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

// The HTTP status an upstream answered with, where the client says: Kubernetes' ApiException carries it as a numeric
// `code`, prometheus-query as `httpStatus`.
function answeredStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; httpStatus?: unknown };
  if (typeof e.httpStatus === 'number') return e.httpStatus;
  return typeof e.code === 'number' ? e.code : undefined;
}

/**
 * Whether an error says the upstream itself is failing: a timeout, no connection, or a 5xx. A 4xx is about the
 * request (a bad query, a user's token without rights) and must not open the breaker for everyone.
 */
export function countsAsFailure(err: unknown): boolean {
  if (isTimeout(err)) return true;
  const status = answeredStatus(err);
  return status === undefined || status >= 500;
}

/** An upstream call refused without being made, because that upstream's breaker is open. */
export class BreakerOpenError extends UpstreamError {
  constructor(upstream: Upstream, snapshot: BreakerSnapshot, now: number) {
    const retryIn = Math.max(0, Math.ceil(((snapshot.retryAt ?? now) - now) / 1000));
    const why = snapshot.lastFailure ? ` (last: ${snapshot.lastFailure})` : '';
    const when = snapshot.state === 'half-open' ? 'a retry is in flight' : `retrying in ${retryIn} s`;
    super(upstream, 'upstream_unavailable', `circuit breaker open after ${snapshot.failures} consecutive failures${why}; ${when}`);
  }
}

function toUpstreamError(upstream: Upstream, timeoutMs: number, err: unknown): UpstreamError {
  if (err instanceof UpstreamError) return err;
  if (isTimeout(err)) return new UpstreamError(upstream, 'upstream_timeout', `no answer within ${timeoutMs} ms`);
  return new UpstreamError(upstream, 'upstream_unavailable', describeError(err));
}

/**
 * Runs one upstream call through that upstream's circuit breaker, turning any failure into an UpstreamError that
 * names the upstream, and records its duration and errors.
 */
export async function callUpstream<T>(upstream: Upstream, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  const metrics = telemetry();
  try {
    return await breakerFor(upstream).run({
      call: async () => {
        const started = performance.now();
        try {
          return await call();
        } finally {
          metrics.upstreamRequestDuration.observe({ upstream }, (performance.now() - started) / 1000);
        }
      },
      isFailure: countsAsFailure,
      describe: (err) => toUpstreamError(upstream, timeoutMs, err).message.replace(`${upstream}: `, ''),
      rejected: (snapshot) => new BreakerOpenError(upstream, snapshot, Date.now()),
    });
  } catch (err) {
    const mapped = toUpstreamError(upstream, timeoutMs, err);
    metrics.upstreamErrors.inc({ upstream, code: mapped instanceof BreakerOpenError ? 'circuit_open' : mapped.code });
    throw mapped;
  }
}
