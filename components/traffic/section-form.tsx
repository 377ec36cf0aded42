'use client';

import type { ReactNode } from 'react';
import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { PipelineBar, type PipelineState } from './pipeline-bar';

/** A section's form: what it sets, its fields, and the pipeline; Enter in a field previews, like the button. */
export function SectionForm({ title, intro, model, pipeline, children }: { title: string; intro: ReactNode; model: TrafficModel; pipeline: PipelineState; children: ReactNode }) {
  return (
    <form
      aria-label={title}
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pipeline.pending && pipeline.clientErrorCount === 0) pipeline.preview();
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">{intro}</p>
      {children}
      <PipelineBar pipeline={pipeline} namespace={model.namespace} virtualService={model.virtualService?.name ?? model.service} />
    </form>
  );
}
