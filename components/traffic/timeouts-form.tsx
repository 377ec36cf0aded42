'use client';

import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { BOX_CLASS } from '../details/styles';
import { TextField } from './field';
import { RETRY_ON_CHOICES, retryOnList, timeoutsSpec, toggleRetryOn, type TimeoutsForm as Form } from './policies';
import { SectionForm } from './section-form';
import { useSectionPipeline } from './use-section-pipeline';

/** The default route's timeout and retry policy; empty fields remove the setting. */
export function TimeoutsForm({ model }: { model: TrafficModel }) {
  const p = useSectionPipeline(model, timeoutsSpec);
  const f = p.form;
  const set = (change: Partial<Form>) => p.setForm({ ...f, ...change });
  const chosen = retryOnList(f.retryOn);
  return (
    <SectionForm title="Timeouts and retries" intro="For the default route. Leave a field empty to remove that setting (Istio's defaults apply)." model={model} pipeline={p}>
      <TextField label="Request timeout" value={f.timeout} onChange={(timeout) => set({ timeout })} error={p.errors.timeout} hint="Such as 10s; empty for none" className="w-48" />
      <fieldset className={`${BOX_CLASS} space-y-3`}>
        <legend className="px-1 text-sm font-semibold">Retries</legend>
        <div className="flex flex-wrap gap-3">
          <TextField label="Attempts" inputMode="numeric" value={f.attempts} onChange={(attempts) => set({ attempts })} error={p.errors['retries.attempts']} hint="Empty: no retry policy" className="w-40" />
          <TextField label="Per-try timeout" value={f.perTryTimeout} onChange={(perTryTimeout) => set({ perTryTimeout })} error={p.errors['retries.perTryTimeout']} hint="Such as 2s" className="w-40" />
        </div>
        <TextField label="Retry on (comma-separated)" value={f.retryOn} onChange={(retryOn) => set({ retryOn })} error={p.errors['retries.retryOn']} className="max-w-md" />
        <fieldset>
          <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Common conditions</legend>
          <div className="mt-1 flex flex-wrap gap-3 text-sm">
            {RETRY_ON_CHOICES.map((c) => (
              <label key={c} className="flex items-center gap-1">
                <input type="checkbox" checked={chosen.includes(c)} onChange={() => set({ retryOn: toggleRetryOn(f.retryOn, c) })} />
                {c}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
    </SectionForm>
  );
}
