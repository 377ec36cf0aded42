'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ApiError } from '@/lib/api/fetch-json';
import { statusQuery, type UpstreamStatus } from '@/lib/api/status';
import { useOnLoginPage } from './use-on-login-page';

const DOT: Record<UpstreamStatus['state'], string> = {
  connected: 'bg-healthy',
  unreachable: 'bg-failure',
  not_configured: 'bg-idle',
};

const LABEL: Record<UpstreamStatus['name'], string> = {
  kubernetes: 'Kubernetes',
  prometheus: 'Prometheus',
  jaeger: 'Jaeger',
};

/** Compact header view of the three upstreams; details live on the Overview page. */
export function UpstreamIndicator() {
  const onLoginPage = useOnLoginPage();
  const { data, isPending, isError, error } = useQuery({ ...statusQuery, enabled: !onLoginPage });
  if (onLoginPage) return null;
  if (isPending) return <span className="text-xs text-slate-300">Checking upstreams…</span>;
  // Signed out (token strategy): the server answered, it only wants to know who is asking.
  if (error instanceof ApiError && error.status === 401) return <span className="text-xs text-slate-300">Sign in to see the upstreams</span>;
  if (isError) return <span className="text-xs text-red-300">Meshscope server unreachable</span>;
  return (
    <Link href="/" aria-label="Upstream status" className="flex items-center gap-3 text-xs">
      {data.upstreams.map((u) => (
        <span key={u.name} className="flex items-center gap-1" title={u.message ?? `${LABEL[u.name]} ${u.version ?? ''}`}>
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${DOT[u.state]}`} />
          {LABEL[u.name]}
          <span className="sr-only">: {u.state.replace('_', ' ')}</span>
        </span>
      ))}
    </Link>
  );
}
