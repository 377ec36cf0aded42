'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { authKeys, type SessionInfo } from '@/lib/api/auth';
import { ApiError, retryUnlessClientError } from '@/lib/api/fetch-json';
import { signInAgainUrl } from '@/lib/auth/login-redirect';

/** A client whose queries and changes send the page to the login page when the session has ended (a 401). */
function createClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    const strategy = client.getQueryData<SessionInfo>(authKeys.session())?.strategy;
    const target = signInAgainUrl(error.status, strategy, window.location.pathname, window.location.search);
    if (target) window.location.assign(target);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { retry: retryUnlessClientError, staleTime: 5_000 } },
  });
  return client;
}

/** The one client-side provider tree: a single TanStack Query client for the whole app. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
