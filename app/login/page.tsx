import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { PageHeader } from '@/components/ui/page-header';
import { safeNextPath, SESSION_ENDED } from '@/lib/auth/login-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, reason } = await searchParams;
  // The shell shows no section links here, so the form stands alone in the middle of the page.
  return (
    <div className="mx-auto mt-10 max-w-lg">
      <PageHeader title="Sign in" />
      {reason === SESSION_ENDED && (
        <p role="status" className="mb-3 max-w-lg rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Your session has ended. Sign in again to go back to the page you were on.
        </p>
      )}
      <LoginForm next={safeNextPath(typeof next === 'string' ? next : undefined)} />
    </div>
  );
}
