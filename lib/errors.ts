/** The upstreams the console reads from. */
export type Upstream = 'prometheus' | 'jaeger' | 'kubernetes';

/** Error codes carried in API error bodies; each maps to one HTTP status. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'not_configured'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  | 'internal';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  not_configured: 503,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  internal: 500,
};

/** Base class of every error the API turns into a JSON body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** HTTP status that goes with the code. */
  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** A query-string or body field failed validation; `field` names it. */
export class BadRequestError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('bad_request', `${field}: ${message}`, { field });
  }
}

/** An upstream could not be reached, answered with an error, or took too long. */
export class UpstreamError extends AppError {
  constructor(
    readonly upstream: Upstream,
    code: 'upstream_unavailable' | 'upstream_timeout' | 'not_configured',
    message: string,
  ) {
    super(code, `${upstream}: ${message}`, { upstream });
  }
}

/** The JSON error body of the public API. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Maps any thrown value to a status and error body; unknown errors become a 500 without internals. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const error: ErrorBody['error'] = { code: err.code, message: err.message };
    if (err.details !== undefined) error.details = err.details;
    return { status: err.status, body: { error } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}
