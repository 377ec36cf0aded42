'use client';

import { BUTTON_CLASS } from '../details/styles';
import { ApplyResult } from './apply-result';
import { ProblemView } from './problem-view';
import type { SectionPipeline } from './use-section-pipeline';

/** The pipeline without the form itself, whose type each section has its own of. */
export type PipelineState = Omit<SectionPipeline<unknown>, 'form' | 'setForm'>;

/**
 * The end of every section form: Preview changes (a dry run), Apply (only what was just previewed), and what came
 * back: the diff and findings, the success, or the problem with what to do about it.
 */
export function PipelineBar({ pipeline, namespace, virtualService }: { pipeline: PipelineState; namespace: string; virtualService: string }) {
  const { pending, previewed, applied, problem, clientErrorCount, note } = pipeline;
  const blocked = clientErrorCount > 0;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={BUTTON_CLASS} disabled={pending || blocked}>
          Preview changes
        </button>
        <button type="button" className={BUTTON_CLASS} disabled={pending || !previewed} onClick={pipeline.apply} title={previewed ? undefined : 'Preview the change first'}>
          Apply
        </button>
        <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {pending
            ? 'Asking the API server…'
            : blocked
              ? `Fix ${clientErrorCount === 1 ? 'the problem' : `the ${clientErrorCount} problems`} marked above to preview.`
              : previewed
                ? 'Previewed: Apply writes exactly this.'
                : ''}
        </span>
      </div>
      {pipeline.drifted && !problem && (
        <p role="note" className="rounded border border-degraded/50 bg-degraded/10 px-3 py-2 text-sm">
          This service&apos;s routing changed since the form was read.{' '}
          <button type="button" className="underline" onClick={pipeline.reloadLatest}>
            Reload the latest
          </button>{' '}
          (your edits are kept), or apply and get the differences.
        </p>
      )}
      {note !== undefined && <p role="status" className="text-sm">{note}</p>}
      {problem && (
        <ProblemView
          problem={problem}
          namespace={namespace}
          virtualService={virtualService}
          onReload={pipeline.reloadLatest}
          reloadNote="Your edits are kept and placed on top of the latest settings."
        />
      )}
      {applied && (
        <div className="space-y-2">
          <p role="status" className="rounded border border-healthy/50 bg-healthy/10 px-3 py-2 text-sm">
            <span className="font-semibold">Applied.</span> {applied.record ? `Recorded as “${applied.record.summary}” by ${applied.record.user}. ` : ''}
            The form now shows the live settings.
          </p>
          <ApplyResult result={applied} label="What was written" />
        </div>
      )}
      {previewed && (
        <div className="space-y-2">
          <p className="text-sm">
            <span className="font-semibold">The API server accepts this change</span> (dry run). Nothing has been written yet.
          </p>
          <ApplyResult result={previewed} label="Preview of the changes" />
        </div>
      )}
    </div>
  );
}
