import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { PageHeader } from '@/components/ui/page-header';
import { safeNextPath } from '@/lib/auth/login-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return (
    <>
      <PageHeader title="Sign in" />
      <LoginForm next={safeNextPath(typeof next === 'string' ? next : undefined)} />
    </>
  );
}
