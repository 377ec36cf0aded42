/** An error answered by our own `/api`, with the status and the message of its JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** GETs one of our `/api` routes and returns its JSON, throwing ApiError with the server's message. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'The Meshscope server did not answer.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** TanStack Query retry policy: never retry a 4xx, retry other failures twice. */
export function retryUnlessClientError(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
