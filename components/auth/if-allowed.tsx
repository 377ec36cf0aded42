'use client';

import type { ReactNode } from 'react';
import type { AccessCheck } from '@/lib/api/auth';
import { useCanI } from './use-can-i';

/**
 * Shows `children` only when the user may do `check` (for edit controls); otherwise `fallback`. Hiding is for
 * comfort only: the API server refuses the write anyway.
 */
export function IfAllowed({ check, children, fallback = null }: { check: AccessCheck; children: ReactNode; fallback?: ReactNode }) {
  const { allowed } = useCanI(check);
  return <>{allowed ? children : fallback}</>;
}
