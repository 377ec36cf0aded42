// What a failed query says to the user. Pure.

import { ApiError } from '@/lib/api/fetch-json';

/** A query error's message; anything thrown that is not an Error is shown as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a query failed because our API does not know the item (404), as opposed to failing to look. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
