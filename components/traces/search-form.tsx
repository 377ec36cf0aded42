'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { traceOperationsQuery, traceServicesQuery } from '@/lib/api/traces';
import { CONTROL_CLASS } from '../graph/toolbar-controls';
import { errorText } from './format';
import { draftFromState, stateFromDraft, type DraftErrors, type SearchDraft } from './search-form-model';
import { LOOKBACKS, type Lookback, type TraceSearchUrlState } from './search-url';

function Field({ label, error, children }: { label: string; error?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      {children(id, error ? errorId : undefined)}
      {error && (
        <span id={errorId} className="text-xs text-failure">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The search form. It edits a local draft and only submitting writes the URL, which runs the search; the parent
 * remounts it (by key) when the URL changes, so the draft always starts from the search on screen.
 */
export function SearchForm({ state, onSubmit }: { state: TraceSearchUrlState; onSubmit: (change: Partial<TraceSearchUrlState>) => void }) {
  const [draft, setDraft] = useState<SearchDraft>(() => draftFromState(state));
  const [errors, setErrors] = useState<DraftErrors>({});
  const services = useQuery(traceServicesQuery());
  const operations = useQuery(traceOperationsQuery(draft.service));
  const set = (change: Partial<SearchDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = stateFromDraft(draft);
    if ('errors' in result) setErrors(result.errors);
    else {
      setErrors({});
      onSubmit(result.change);
    }
  };
  // Keep a URL's service choosable even before (or without) the services list.
  const serviceNames = [...new Set([...(draft.service ? [draft.service] : []), ...(services.data?.services ?? [])])];
  const operationNames = [...new Set([...(draft.operation ? [draft.operation] : []), ...(operations.data?.operations.map((o) => o.name) ?? [])])].sort();
  const input = (id: string, describedBy: string | undefined, key: 'tags' | 'minDuration' | 'maxDuration' | 'limit', placeholder: string, className = 'w-28') => (
    <input id={id} aria-describedby={describedBy} aria-invalid={errors[key] ? true : undefined} value={draft[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} className={`${CONTROL_CLASS} ${className}`} />
  );

  return (
    <form onSubmit={submit} aria-label="Search traces" className="flex flex-wrap items-start gap-3">
      <Field label="Service" error={errors.service ?? (services.error ? errorText(services.error) : undefined)}>
        {(id, describedBy) => (
          <select id={id} aria-describedby={describedBy} value={draft.service} onChange={(e) => set({ service: e.target.value, operation: '' })} className={CONTROL_CLASS}>
            <option value="">{services.isPending ? 'Loading…' : 'Choose a service'}</option>
            {serviceNames.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Operation" error={operations.error ? errorText(operations.error) : undefined}>
        {(id, describedBy) => (
          <select id={id} aria-describedby={describedBy} value={draft.operation} onChange={(e) => set({ operation: e.target.value })} className={CONTROL_CLASS} disabled={draft.service === ''}>
            <option value="">All operations</option>
            {operationNames.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Tags" error={errors.tags}>
        {(id, d) => input(id, d, 'tags', 'http.status_code=500 error=true', 'w-64')}
      </Field>
      <Field label="Lookback">
        {(id) => (
          <select id={id} value={draft.lookback} onChange={(e) => set({ lookback: e.target.value as Lookback })} className={CONTROL_CLASS}>
            {LOOKBACKS.map((l) => (
              <option key={l} value={l}>
                Last {l}
              </option>
            ))}
            <option value="custom">Custom range</option>
          </select>
        )}
      </Field>
      {draft.lookback === 'custom' && (
        <>
          <Field label="Start" error={errors.start}>
            {(id, d) => <input id={id} type="datetime-local" aria-describedby={d} value={draft.start} onChange={(e) => set({ start: e.target.value })} className={CONTROL_CLASS} />}
          </Field>
          <Field label="End (empty for now)" error={errors.end}>
            {(id, d) => <input id={id} type="datetime-local" aria-describedby={d} value={draft.end} onChange={(e) => set({ end: e.target.value })} className={CONTROL_CLASS} />}
          </Field>
        </>
      )}
      <Field label="Min duration" error={errors.minDuration}>
        {(id, d) => input(id, d, 'minDuration', '100ms')}
      </Field>
      <Field label="Max duration" error={errors.maxDuration}>
        {(id, d) => input(id, d, 'maxDuration', '1.5s')}
      </Field>
      <Field label="Limit" error={errors.limit}>
        {(id, d) => input(id, d, 'limit', '20', 'w-20')}
      </Field>
      {/* Not BUTTON_CLASS: its white background would win over this one and hide the white label. */}
      <button type="submit" className="mt-4 rounded border border-sky-800 bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800">
        Find traces
      </button>
    </form>
  );
}
