'use client';

import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { BOX_CLASS } from '../details/styles';
import { TextField } from './field';
import { CIRCUIT_FIELDS, circuitSpec } from './policies';
import { SectionForm } from './section-form';
import { useSectionPipeline } from './use-section-pipeline';

const GROUPS = [
  { group: 'pool', legend: 'Connection pool' },
  { group: 'outlier', legend: 'Outlier detection (eject failing pods)' },
] as const;

/** The DestinationRule's connection limits and outlier detection; empty fields are not set. */
export function CircuitForm({ model }: { model: TrafficModel }) {
  const p = useSectionPipeline(model, circuitSpec);
  return (
    <SectionForm title="Circuit breaker" intro="Set on the service's DestinationRule for all its versions. Leave a field empty to not limit it." model={model} pipeline={p}>
      {GROUPS.map(({ group, legend }) => (
        <fieldset key={group} className={`${BOX_CLASS} flex flex-wrap gap-3`}>
          <legend className="px-1 text-sm font-semibold">{legend}</legend>
          {CIRCUIT_FIELDS.filter((field) => field.group === group).map((field) => (
            <TextField
              key={field.key}
              label={field.label}
              inputMode={field.kind === 'duration' ? 'text' : 'numeric'}
              value={p.form[field.key]}
              onChange={(value) => p.setForm({ ...p.form, [field.key]: value })}
              error={p.errors[`circuitBreaker.${field.key}`]}
              {...(field.kind === 'duration' ? { hint: 'Such as 10s' } : {})}
              className="w-56"
            />
          ))}
        </fieldset>
      ))}
    </SectionForm>
  );
}
