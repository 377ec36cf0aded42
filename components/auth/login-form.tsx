'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { signIn } from '@/lib/api/auth';
import { ApiError } from '@/lib/api/fetch-json';

const INPUT_CLASS = 'w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900';
const SUBMIT_CLASS = 'rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50';

function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Signing in failed; try again.';
}

/**
 * Token sign-in. `next` has been made a same-origin path by the page; after success the browser loads it afresh,
 * so no query answered while signed out survives.
 */
export function LoginForm({ next }: { next: string }) {
  const [token, setToken] = useState('');
  const login = useMutation({ mutationFn: signIn, onSuccess: () => window.location.assign(next) });

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(token);
  }

  return (
    <form onSubmit={submit} className="flex max-w-lg flex-col gap-3" aria-describedby="login-help">
      <p id="login-help" className="text-sm text-slate-600 dark:text-slate-400">
        Paste a Kubernetes bearer token (for example from <code>kubectl create token &lt;service-account&gt;</code>). The
        console acts as you toward the API server, so your RBAC roles decide what you can see and change.
      </p>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Token
        <input
          type="password"
          name="token"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className={INPUT_CLASS}
        />
      </label>
      {login.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errorText(login.error)}
        </p>
      )}
      <div>
        <button type="submit" disabled={login.isPending || token.trim() === ''} className={SUBMIT_CLASS}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
