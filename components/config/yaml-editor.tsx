'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/lib/api/fetch-json';
import { istioKeys, updateIstioObject } from '@/lib/api/istio';
import type { DiffHunk } from '@/lib/mesh/diff/line-diff';
import type { IstioConfigItem } from '@/lib/mesh/istio/api-types';
import { BUTTON_CLASS } from '../graph/toolbar-controls';
import { PanelNote } from '../inventory/panel-note';
import { DiffView } from './diff-view';
import { FindingsList } from './findings-list';
import { HighlightedYamlInput } from './highlighted-yaml-input';

/** The diff a 409 carries: the live object against the edit, so the user sees what changed meanwhile. */
function conflictDiff(error: unknown): DiffHunk[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const diff = (error.details as { diff?: unknown } | undefined)?.diff;
  return Array.isArray(diff) ? (diff as DiffHunk[]) : undefined;
}

/**
 * Edits an Istio object as YAML through the safe path: check first (the API server's dry run, with the diff and
 * Meshscope's findings), then apply with the version that was read, so a change made meanwhile is refused (409,
 * with what changed) instead of overwritten.
 */
export function YamlEditor({ item, yaml, onDone }: { item: IstioConfigItem; yaml: string; onDone: () => void }) {
  const [text, setText] = useState(yaml);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (dryRun: boolean) => updateIstioObject(item.namespace, item.kind, item.name, text, dryRun),
    onSuccess: (result) => {
      if (result.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: istioKeys.all });
      onDone();
    },
  });
  const checked = run.data?.dryRun ? run.data : undefined;
  const conflict = conflictDiff(run.error);
  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium" htmlFor="yaml-editor">
        YAML of {item.kind} {item.namespace}/{item.name}
      </label>
      <HighlightedYamlInput
        id="yaml-editor"
        value={text}
        onChange={(next) => {
          setText(next);
          run.reset();
        }}
        rows={Math.min(40, Math.max(12, text.split('\n').length + 1))}
      />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON_CLASS} disabled={run.isPending} onClick={() => run.mutate(true)}>
          Check (dry run)
        </button>
        <button type="button" className={BUTTON_CLASS} disabled={run.isPending || !checked} onClick={() => run.mutate(false)} title={checked ? undefined : 'Check the change first'}>
          Apply
        </button>
        <button type="button" className={BUTTON_CLASS} disabled={run.isPending} onClick={onDone}>
          Cancel
        </button>
        {run.isPending && <span role="status">Asking the API server…</span>}
      </div>
      {run.isError && (
        <PanelNote alert>
          <span>{run.error.message}</span>
        </PanelNote>
      )}
      {conflict && <DiffView hunks={conflict} label="What differs from the live object" />}
      {checked && (
        <div className="space-y-2" aria-label="Dry-run result" role="region">
          <p role="status">The API server accepts this change. Nothing has been written yet.</p>
          <DiffView hunks={checked.diff} />
          {checked.findings.length > 0 && <FindingsList findings={checked.findings} lines={new Map()} />}
        </div>
      )}
    </div>
  );
}
