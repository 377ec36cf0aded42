'use client';

import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { CONTROL_CLASS } from '../graph/toolbar-controls';

/** A field's problem under it, in words (not colour only), for its control's aria-describedby. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} className="mt-1 text-xs text-failure">
      <span aria-hidden>⚠ </span>
      {message}
    </p>
  );
}

/** The attributes tying a control to its problem: described by it, and marked invalid while it has one. */
export function describedBy(errorId: string, error: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': errorId };
}

/** A labelled text input with its problem beside it. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  className = '',
  ...rest
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${CONTROL_CLASS} w-full`} {...describedBy(`${id}-error`, error)} {...rest} />
      {hint !== undefined && error === undefined && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}
