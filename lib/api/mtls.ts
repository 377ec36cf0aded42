import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MtlsReport } from '../mesh/mtls/types';
import { fetchJson, retryUnlessClientError } from './fetch-json';
import { namespacedPath, sortedNamespaces, type NamespaceChoice } from './istio';

export type { MtlsReport };

/** The server's default window of telemetry behind `observed`: 5 minutes. */
export const DEFAULT_MTLS_DURATION = 300;

/** Query keys of the mTLS domain; every input of a query function is in its key. */
export const mtlsKeys = {
  all: ['mtls'] as const,
  report: (namespaces: NamespaceChoice, duration: number) => [...mtlsKeys.all, { namespaces: sortedNamespaces(namespaces), duration }] as const,
};

/** The report route's path: namespaces sorted (none for all); the default duration is left out. */
export function mtlsPath(namespaces: NamespaceChoice, duration = DEFAULT_MTLS_DURATION): string {
  return namespacedPath('/api/mtls', namespaces, { duration: duration === DEFAULT_MTLS_DURATION ? undefined : String(duration) });
}

const noRetryOn4xx = (failureCount: number, error: Error) => retryUnlessClientError(failureCount, error);

/** mTLS as configured and observed over the namespaces, with the control plane; idle for no namespaces. */
export function mtlsQuery(namespaces: NamespaceChoice, options: { duration?: number; refreshSeconds?: number } = {}) {
  const duration = options.duration ?? DEFAULT_MTLS_DURATION;
  const refresh = options.refreshSeconds ?? 0;
  return queryOptions({
    queryKey: mtlsKeys.report(namespaces, duration),
    queryFn: ({ signal }) => fetchJson<MtlsReport>(mtlsPath(namespaces, duration), signal),
    refetchInterval: refresh > 0 ? refresh * 1000 : false,
    placeholderData: keepPreviousData,
    enabled: namespaces === 'all' || namespaces.length > 0,
    retry: noRetryOn4xx,
  });
}
