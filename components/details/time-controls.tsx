'use client';

import { useQueryClient } from '@tanstack/react-query';
import { BUTTON_CLASS, ToolbarCheckbox, ToolbarSelect } from '@/components/graph/toolbar-controls';
import { DURATIONS, REFRESH_INTERVALS, stepChoices, type DetailsUrlState } from './url-state';

const AUTO = 0;

/**
 * The window the time-based tabs look at: duration, step (charts only), refresh, and the version split (metrics
 * tabs only). "Refresh now" refetches whatever the page shows.
 */
export function TimeControls({
  state,
  update,
  showStep,
  split,
}: {
  state: DetailsUrlState;
  update: (change: Partial<DetailsUrlState>) => void;
  showStep: boolean;
  /** The split toggle, with a note saying whose versions it splits by; undefined hides it. */
  split?: { note?: string };
}) {
  const client = useQueryClient();
  // A select needs one value per option; 0 stands for "auto" (no step is ever zero).
  const steps = [{ value: AUTO, label: 'Auto' }, ...stepChoices(state.duration).map((s) => ({ value: s.seconds, label: s.label }))];
  return (
    <div role="toolbar" aria-label="Time window" className="mb-4 flex flex-wrap items-end gap-3">
      <ToolbarSelect
        label="Duration"
        value={state.duration}
        options={DURATIONS.map((d) => ({ value: d.seconds, label: `Last ${d.label}` }))}
        onChange={(duration) => update({ duration })}
      />
      {showStep && <ToolbarSelect label="Step" value={state.step ?? AUTO} options={steps} onChange={(step) => update({ step: step === AUTO ? null : step })} />}
      <ToolbarSelect
        label="Refresh"
        value={state.refresh}
        options={REFRESH_INTERVALS.map((r) => ({ value: r.seconds, label: r.seconds === 0 ? 'Pause' : `Every ${r.label}` }))}
        onChange={(refresh) => update({ refresh })}
      />
      {/* Never disabled while fetching: the server renders no fetch in flight, the hydrating browser one, and a
          second press only restarts the fetches. */}
      <button type="button" className={BUTTON_CLASS} onClick={() => void client.refetchQueries({ type: 'active' })}>
        Refresh now
      </button>
      {split && (
        <ToolbarCheckbox label="Split by version" checked={state.byVersion} onChange={(byVersion) => update({ byVersion })} {...(split.note ? { note: split.note } : {})} />
      )}
    </div>
  );
}
