'use client';

import { useQuery } from '@tanstack/react-query';
import { canIQuery, type AccessCheck } from '@/lib/api/auth';

/**
 * Whether the current user may do `check`, as the API server's RBAC (or read-only mode) says. `allowed` stays
 * false while the answer is pending or failed: an edit control must never flash into view and vanish.
 */
export function useCanI(check: AccessCheck): { allowed: boolean; isPending: boolean } {
  const { data, isPending } = useQuery(canIQuery(check));
  return { allowed: data?.allowed === true, isPending };
}
