'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { metricsQuery } from '@/lib/api/metrics';
import { errorMessage } from '../details/error-message';
import { observedRpsByVersion, totalRps } from './projection';

/** Seconds of history read for the current rates: enough for a few points, few enough to be "now". */
const WINDOW_SECONDS = 300;

/** The requests per second each version of a service receives now (inbound, split by version), and their total. */
export function useVersionRates(namespace: string, service: string): { byVersion?: Record<string, number>; total?: number; pending: boolean; error?: string } {
  const result = useQuery(metricsQuery({ namespace, kind: 'services', name: service, direction: 'inbound', duration: WINDOW_SECONDS, byVersion: true }, 30));
  const byVersion = useMemo(() => (result.data ? observedRpsByVersion(result.data.metrics.requestRate) : undefined), [result.data]);
  return {
    ...(byVersion ? { byVersion, total: totalRps(byVersion) } : {}),
    pending: result.isPending,
    ...(result.isError ? { error: errorMessage(result.error) } : {}),
  };
}
