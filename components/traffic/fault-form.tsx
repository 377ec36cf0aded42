'use client';

import type { ReactNode } from 'react';
import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { BOX_CLASS } from '../details/styles';
import { TextField } from './field';
import { faultSpec, type FaultForm as Form } from './policies';
import { SectionForm } from './section-form';
import { useSectionPipeline } from './use-section-pipeline';

function Part({ legend, on, onToggle, children }: { legend: string; on: boolean; onToggle: (on: boolean) => void; children: ReactNode }) {
  return (
    <fieldset className={`${BOX_CLASS} space-y-2`}>
      <legend className="px-1 text-sm font-semibold">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />
          {legend}
        </label>
      </legend>
      {on && <div className="flex flex-wrap gap-3">{children}</div>}
    </fieldset>
  );
}

/** Delays and aborts injected on the default route, to see how callers cope. */
export function FaultForm({ model }: { model: TrafficModel }) {
  const p = useSectionPipeline(model, faultSpec);
  const f = p.form;
  const set = (change: Partial<Form>) => p.setForm({ ...f, ...change });
  return (
    <SectionForm title="Fault injection" intro="Injected on the default route, for a share of its requests. Turn a part off to remove it." model={model} pipeline={p}>
      <Part legend="Delay requests" on={f.delayOn} onToggle={(delayOn) => set({ delayOn })}>
        <TextField label="Share of requests (%)" inputMode="decimal" value={f.delayPercent} onChange={(delayPercent) => set({ delayPercent })} error={p.errors['fault.delay.percent']} className="w-40" />
        <TextField label="Fixed delay" value={f.fixedDelay} onChange={(fixedDelay) => set({ fixedDelay })} error={p.errors['fault.delay.fixedDelay']} hint="Such as 5s or 250ms" className="w-40" />
      </Part>
      <Part legend="Abort requests" on={f.abortOn} onToggle={(abortOn) => set({ abortOn })}>
        <TextField label="Share of requests (%)" inputMode="decimal" value={f.abortPercent} onChange={(abortPercent) => set({ abortPercent })} error={p.errors['fault.abort.percent']} className="w-40" />
        <TextField label="HTTP status" inputMode="numeric" value={f.httpStatus} onChange={(httpStatus) => set({ httpStatus })} error={p.errors['fault.abort.httpStatus']} className="w-40" />
      </Part>
    </SectionForm>
  );
}
