'use client';

import { useQuery } from '@tanstack/react-query';
import type { AccessCheck } from '@/lib/api/auth';
import { changesQuery } from '@/lib/api/traffic';
import { PanelError, PanelLoading } from '../details/details-states';
import { ChangeItem } from './change-item';

/** The service's recorded traffic changes, newest first, each with its diff and a revert. */
export function HistorySection({ namespace, service, check }: { namespace: string; service: string; check: AccessCheck }) {
  const result = useQuery(changesQuery({ namespace, service }));
  if (result.isPending) return <PanelLoading what="the change history" />;
  if (result.isError) return <PanelError what="the change history" message={result.error.message} onRetry={() => void result.refetch()} />;
  if (result.data.length === 0) {
    return (
      <p role="status" className="rounded border border-dashed border-slate-300 p-6 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
        No recorded changes for {service} yet. Changes applied here are recorded with who made them and can be reverted.
      </p>
    );
  }
  return (
    <section aria-label="Change history">
      <ol>
        {result.data.map((r) => (
          <ChangeItem key={r.id} record={r} check={check} />
        ))}
      </ol>
    </section>
  );
}
