'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { sessionQuery, signOut } from '@/lib/api/auth';

/**
 * The signed-in user and, for the token strategy, a Logout button. Nothing for the anonymous strategy; with the
 * header strategy the authenticating proxy owns signing out, so only the name shows.
 */
export function UserMenu() {
  const { data } = useQuery(sessionQuery);
  const client = useQueryClient();
  const router = useRouter();
  // Whatever this user could read must not outlive their session in this tab.
  const logout = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      client.clear();
      router.replace('/login');
    },
  });
  if (!data?.authenticated) return null;
  return (
    <div className="flex items-center gap-2 text-xs" data-user-menu>
      <span title="Signed in as">{data.user ?? 'signed in'}</span>
      {data.strategy === 'token' && (
        <button
          type="button"
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
          className="rounded border border-slate-600 bg-slate-800 px-2 py-0.5 text-white hover:bg-slate-700 disabled:opacity-50"
        >
          Logout
        </button>
      )}
    </div>
  );
}
