'use client';

import { usePathname } from 'next/navigation';
import { LOGIN_PATH } from '@/lib/auth/login-redirect';

/**
 * Whether the login page is showing: the shell then leaves out what only a signed-in user can use (the section
 * links, which would all lead back here, and the upstream status, which the API refuses to tell a stranger).
 */
export function useOnLoginPage(): boolean {
  return usePathname() === LOGIN_PATH;
}
