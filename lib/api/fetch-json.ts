import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../auth/cookies';

/** An error answered by our own `/api`, with the status, message and details of its JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the body's `error.details` held, such as the diff a 409 carries. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls one of our `/api` routes and returns its JSON, throwing ApiError with the server's message. */
async function callJson<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'The Meshscope server did not answer.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${res.status}`, error?.details);
  }
  return body as T;
}

/** GETs one of our `/api` routes and returns its JSON, throwing ApiError with the server's message. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return callJson<T>(path, { signal, headers: { Accept: 'application/json' } });
}

/**
 * Sends a change (POST, PUT, PATCH, DELETE) to one of our `/api` routes with a JSON body, repeating the CSRF
 * cookie in its header as proxy.ts demands; returns the JSON answer or throws ApiError.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', [CSRF_HEADER]: readCookie(document.cookie, CSRF_COOKIE) ?? '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return callJson<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** TanStack Query retry policy: never retry a 4xx, retry other failures twice. */
export function retryUnlessClientError(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
