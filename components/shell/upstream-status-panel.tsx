'use client';

import { useQuery } from '@tanstack/react-query';
import { statusQuery, type UpstreamStatus } from '@/lib/api/status';

const STATE_TEXT: Record<UpstreamStatus['state'], string> = {
  connected: 'Connected',
  unreachable: 'Unreachable',
  not_configured: 'Not configured',
};

const STATE_CLASS: Record<UpstreamStatus['state'], string> = {
  connected: 'text-healthy',
  unreachable: 'text-failure',
  not_configured: 'text-idle',
};

const TITLE: Record<UpstreamStatus['name'], string> = {
  kubernetes: 'Kubernetes API',
  prometheus: 'Prometheus',
  jaeger: 'Jaeger',
};

/** One card per upstream with its state, version, latency and, when it fails, why. */
export function UpstreamStatusPanel() {
  const { data, isPending, isError, error, refetch, isFetching } = useQuery(statusQuery);
  return (
    <section aria-labelledby="upstreams-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="upstreams-heading" className="text-lg font-semibold">
          Upstreams
        </h2>
        <button
          type="button"
          onClick={() => void refetch()}
          disabled={isFetching}
          className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {isFetching ? 'Checking…' : 'Check again'}
        </button>
      </div>
      {isPending && <p role="status">Checking upstreams…</p>}
      {isError && (
        <p role="alert" className="text-failure">
          Could not read the status: {error.message}
        </p>
      )}
      {data && (
        <ul className="grid gap-3 sm:grid-cols-3">
          {data.upstreams.map((u) => (
            <li
              key={u.name}
              data-testid={`upstream-${u.name}`}
              data-state={u.state}
              className="rounded border border-slate-200 p-4 dark:border-slate-800"
            >
              <h3 className="font-medium">{TITLE[u.name]}</h3>
              <p className={`font-semibold ${STATE_CLASS[u.state]}`}>{STATE_TEXT[u.state]}</p>
              {u.version && <p className="text-sm">Version {u.version}</p>}
              {u.latencyMs !== undefined && <p className="text-sm">Answered in {u.latencyMs} ms</p>}
              {u.message && <p className="mt-1 break-words text-sm text-slate-600 dark:text-slate-400">{u.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
