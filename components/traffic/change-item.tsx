'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { AccessCheck } from '@/lib/api/auth';
import { revertChange, trafficKeys } from '@/lib/api/traffic';
import type { ChangeRecord } from '@/lib/mesh/traffic/types';
import { IfAllowed } from '../auth/if-allowed';
import { DiffView } from '../config/diff-view';
import { BUTTON_CLASS } from '../details/styles';
import { ApplyResult } from './apply-result';
import { formatWhen, recordDiffs } from './history';
import { describeProblem } from './pipeline';
import { ProblemView } from './problem-view';

/** One recorded change: who, when, what; its diff on demand; and a revert that previews before it writes. */
export function ChangeItem({ record, check }: { record: ChangeRecord; check: AccessCheck }) {
  const [open, setOpen] = useState(false);
  const diffId = useId();
  const diffs = useMemo(() => (open ? recordDiffs(record) : []), [open, record]);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (dryRun: boolean) => revertChange(record.id, dryRun),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: trafficKeys.all });
    },
  });
  const previewed = run.data?.dryRun ? run.data : undefined;
  const reverted = run.data && !run.data.dryRun ? run.data : undefined;
  const vs = record.objects.find((o) => o.kind === 'VirtualService')?.name ?? record.service;
  return (
    <li data-change-id={record.id} className="space-y-2 border-t border-slate-200 py-3 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium">{record.summary}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          by {record.user}, <time dateTime={record.at}>{formatWhen(record.at)}</time>
          {record.reverts && ' (a revert)'}
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON_CLASS} aria-expanded={open} aria-controls={diffId} onClick={() => setOpen(!open)}>
          {open ? 'Hide changes' : 'Show changes'}
        </button>
        <IfAllowed check={check}>
          {!previewed && (
            <button type="button" className={BUTTON_CLASS} disabled={run.isPending} onClick={() => run.mutate(true)}>
              Revert…
            </button>
          )}
        </IfAllowed>
        {run.isPending && <span role="status">Asking the API server…</span>}
      </div>
      <div id={diffId} hidden={!open} className="space-y-2">
        {diffs.map((d) => (
          <div key={`${d.kind}/${d.name}`} className="space-y-1">
            <h4 className="text-sm font-semibold">
              {d.kind} {d.name}: {d.action}
            </h4>
            <DiffView hunks={d.hunks} label={`Changes to ${d.kind} ${d.name}`} />
          </div>
        ))}
      </div>
      {previewed && (
        <div className="space-y-2">
          <p className="text-sm">
            <span className="font-semibold">Reverting would do this</span> (dry run, accepted by the API server). Nothing has been written yet.
          </p>
          <ApplyResult result={previewed} label="Preview of the revert" />
          <div className="flex gap-2">
            <button type="button" className={BUTTON_CLASS} disabled={run.isPending} onClick={() => run.mutate(false)}>
              Confirm revert
            </button>
            <button type="button" className={BUTTON_CLASS} disabled={run.isPending} onClick={() => run.reset()}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {reverted && (
        <p role="status" className="rounded border border-healthy/50 bg-healthy/10 px-3 py-2 text-sm">
          <span className="font-semibold">Reverted.</span> {reverted.record ? `Recorded as “${reverted.record.summary}”.` : ''}
        </p>
      )}
      {run.isError && (
        <ProblemView
          problem={describeProblem(run.error, record.namespace)}
          namespace={record.namespace}
          virtualService={vs}
          onReload={() => {
            run.reset();
            void queryClient.invalidateQueries({ queryKey: trafficKeys.all });
          }}
          reloadNote="Reads the history and the live settings again; then preview the revert again."
        />
      )}
    </li>
  );
}
