'use client';

import { useId, type ReactNode } from 'react';
import { CONTROL_CLASS } from '../graph/toolbar-controls';

/** The "Name" box of a list: a substring filter, its text as typed (the caller writes it to the URL after a pause). */
export function NameFilter({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Name
      </label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="Part of a name"
        autoComplete="off"
        spellCheck={false}
        className={`${CONTROL_CLASS} w-56`}
      />
    </div>
  );
}

export interface CheckboxFilterProps<T extends string> {
  legend: string;
  /** Every choice, in the order shown (and kept in the answer). */
  options: readonly T[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  label: (option: T) => ReactNode;
}

/** A group of checkboxes choosing some of a fixed list (health states, validation classes). */
export function CheckboxFilter<T extends string>({ legend, options, chosen, onChange, label }: CheckboxFilterProps<T>) {
  const toggle = (option: T, on: boolean) => onChange(options.filter((o) => (o === option ? on : chosen.includes(o))));
  return (
    <fieldset className="flex flex-col gap-0.5">
      <legend className="mb-0.5 text-xs font-medium text-slate-600 dark:text-slate-400">{legend}</legend>
      <div className="flex flex-wrap gap-3 py-1">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
