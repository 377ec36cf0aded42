'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { applyTraffic, trafficKeys, trafficModelQuery } from '@/lib/api/traffic';
import type { TrafficApplyResult, TrafficEdit, TrafficModel } from '@/lib/mesh/traffic/types';
import { byField, type FieldErrors } from './checks';
import { describeProblem, serverFieldErrors, type PipelineProblem } from './pipeline';
import { editKey, sameVersions, type SectionSpec } from './section-spec';

/** Everything a section form needs from the diff-first pipeline. */
export interface SectionPipeline<F> {
  form: F;
  /** Changes the form; any preview, result or problem shown is about the old values, so it goes. */
  setForm: (form: F) => void;
  /** Client checks, then the server's refusals placed at their fields. */
  errors: FieldErrors;
  clientErrorCount: number;
  pending: boolean;
  /** A dry run of exactly the current form, when one succeeded. */
  previewed?: TrafficApplyResult;
  applied?: TrafficApplyResult;
  problem?: PipelineProblem;
  /** The live configuration moved on since the form was read (another user, or another tab). */
  drifted: boolean;
  /** What the last reload did. */
  note?: string;
  preview: () => void;
  apply: () => void;
  /** Reads the model again and carries the user's values over onto it. */
  reloadLatest: () => void;
}

/**
 * One section's form over the live model, through the pipeline: preview (dry run) → apply exactly what was
 * previewed → on success, the form reads the model as it now is. The form keeps the model it was read from, so an
 * apply sends those objects' versions and a change made meanwhile is a 409, never silently overwritten.
 */
export function useSectionPipeline<F>(model: TrafficModel, spec: SectionSpec<F>): SectionPipeline<F> {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(model);
  const [form, setFormState] = useState(() => spec.init(model));
  const [note, setNote] = useState<string>();
  const edit = useMemo(() => spec.toEdit(form, base), [spec, form, base]);
  const key = editKey(edit);
  const run = useMutation({
    mutationFn: (v: { edit: TrafficEdit; dryRun: boolean; key: string }) => applyTraffic(base.namespace, base.service, v.edit, v.dryRun),
    onSuccess: (result) => {
      if (result.dryRun) return;
      setBase(result.model);
      setFormState(spec.init(result.model));
      void queryClient.invalidateQueries({ queryKey: trafficKeys.all });
    },
  });
  const clientErrors = useMemo(() => spec.check(form, base), [spec, form, base]);
  const problem = run.isError ? describeProblem(run.error, base.namespace) : undefined;
  const serverErrors = serverFieldErrors(problem, (path) => spec.fieldOf?.(path, edit) ?? path);
  const applied = run.data && !run.data.dryRun ? run.data : undefined;

  const setForm = (next: F) => {
    setFormState(next);
    setNote(undefined);
    run.reset();
  };
  const reloadLatest = () => {
    run.reset();
    queryClient
      .fetchQuery({ ...trafficModelQuery(base.namespace, base.service), staleTime: 0 })
      .then((latest) => {
        setBase(latest);
        setFormState((current) => (spec.rebase ? spec.rebase(current, latest) : current));
        setNote('Reloaded the latest settings. Your edits are kept on top of them: preview again to see what they would change now.');
      })
      .catch((error: unknown) => setNote(`Could not reload the settings: ${error instanceof Error ? error.message : String(error)}`));
  };

  return {
    form,
    setForm,
    errors: byField([...clientErrors, ...serverErrors]),
    clientErrorCount: clientErrors.length,
    pending: run.isPending,
    ...(run.data?.dryRun && run.variables?.key === key ? { previewed: run.data } : {}),
    ...(applied ? { applied } : {}),
    ...(problem ? { problem } : {}),
    drifted: !applied && !sameVersions(model, base),
    ...(note !== undefined ? { note } : {}),
    preview: () => run.mutate({ edit, dryRun: true, key }),
    apply: () => {
      if (run.data?.dryRun && run.variables?.key === key) run.mutate({ edit, dryRun: false, key });
    },
    reloadLatest,
  };
}
