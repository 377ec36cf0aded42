'use client';

import { useId } from 'react';
import { BUTTON_CLASS } from '../details/styles';
import { CONTROL_CLASS } from '../graph/toolbar-controls';
import type { FieldErrors } from './checks';
import { describedBy, FieldMessage, TextField } from './field';
import { removeAt, replaceAt } from './list-edit';
import { MATCH_KINDS, type ConditionRow, type DestinationRow, type MatchKind } from './rules';

function Select<T extends string>({ label, value, options, onChange, error }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} className={CONTROL_CLASS} {...describedBy(`${id}-error`, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}

const MATCH_OPTIONS = MATCH_KINDS.map((m) => ({ value: m, label: m }));
const KIND_OPTIONS = [
  { value: 'header' as const, label: 'Header' },
  { value: 'uri' as const, label: 'URI path' },
];

/** A rule's conditions: all must hold. Each names what it looks at, how it compares, and the value. */
export function Conditions({ rows, at, errors, onChange, ruleLabel }: { rows: ConditionRow[]; at: string; errors: FieldErrors; onChange: (rows: ConditionRow[]) => void; ruleLabel: string }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Conditions (all must hold)</legend>
      {rows.map((c, j) => {
        const f = `${at}.match[${j}]`;
        const set = (change: Partial<ConditionRow>) => onChange(replaceAt(rows, j, { ...c, ...change }));
        return (
          <div key={j} role="group" aria-label={`${ruleLabel}, condition ${j + 1}`} className="flex flex-wrap items-start gap-2">
            <Select label="On" value={c.kind} options={KIND_OPTIONS} onChange={(kind) => set({ kind })} />
            {c.kind === 'header' && <TextField label="Header name" value={c.name} onChange={(name) => set({ name })} error={errors[`${f}.name`]} className="w-40" />}
            <Select label="Match" value={c.match} options={MATCH_OPTIONS} onChange={(match: MatchKind) => set({ match })} />
            <TextField label="Value" value={c.value} onChange={(value) => set({ value })} error={errors[`${f}.value`]} className="w-56" />
            <button type="button" className={`${BUTTON_CLASS} mt-4`} onClick={() => onChange(removeAt(rows, j))} aria-label={`Remove condition ${j + 1} of ${ruleLabel}`}>
              Remove
            </button>
          </div>
        );
      })}
      <FieldMessage id={`${at}-match-error`} message={errors[`${at}.match`]} />
      <div className="flex gap-2">
        <button type="button" className={BUTTON_CLASS} onClick={() => onChange([...rows, { kind: 'header', name: '', match: 'exact', value: '' }])}>
          Add header condition
        </button>
        <button type="button" className={BUTTON_CLASS} onClick={() => onChange([...rows, { kind: 'uri', name: '', match: 'prefix', value: '/' }])}>
          Add URI condition
        </button>
      </div>
    </fieldset>
  );
}

/** Where a rule sends its requests: one subset, or a split whose weights add up to 100. */
export function Destinations({ rows, at, errors, subsets, onChange, ruleLabel }: { rows: DestinationRow[]; at: string; errors: FieldErrors; subsets: string[]; onChange: (rows: DestinationRow[]) => void; ruleLabel: string }) {
  const options = [{ value: '', label: 'Choose…' }, ...subsets.map((s) => ({ value: s, label: s }))];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Route to</legend>
      {rows.map((d, k) => {
        const f = `${at}.route[${k}]`;
        const set = (change: Partial<DestinationRow>) => onChange(replaceAt(rows, k, { ...d, ...change }));
        return (
          <div key={k} role="group" aria-label={`${ruleLabel}, destination ${k + 1}`} className="flex flex-wrap items-start gap-2">
            <Select label="Version (subset)" value={d.subset} options={options} onChange={(subset) => set({ subset })} error={errors[`${f}.subset`]} />
            <TextField label="Weight (%)" type="number" min={0} max={100} step={1} value={d.weight} onChange={(weight) => set({ weight })} error={errors[`${f}.weight`]} className="w-24" />
            {rows.length > 1 && (
              <button type="button" className={`${BUTTON_CLASS} mt-4`} onClick={() => onChange(removeAt(rows, k))} aria-label={`Remove destination ${k + 1} of ${ruleLabel}`}>
                Remove
              </button>
            )}
          </div>
        );
      })}
      <FieldMessage id={`${at}-route-error`} message={errors[`${at}.route`]} />
      <button type="button" className={BUTTON_CLASS} onClick={() => onChange([...rows, { subset: subsets.find((s) => !rows.some((d) => d.subset === s)) ?? '', weight: '0' }])}>
        Add destination (split)
      </button>
    </fieldset>
  );
}
