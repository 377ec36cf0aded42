'use client';

import { useId } from 'react';
import type { CompiledFilter } from './find-filter';
import { CONTROL_CLASS } from './toolbar-controls';

export interface FilterBoxProps {
  label: 'Find' | 'Hide';
  text: string;
  filter: CompiledFilter;
  onChange: (text: string) => void;
  /** Shown under the box when the text is valid, e.g. how many elements matched. */
  summary?: string;
}

/** A Find or Hide expression box; a syntax error shows under it with a caret at the offending character. */
export function FilterBox({ label, text, filter, onChange, summary }: FilterBoxProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const summaryId = `${id}-summary`;
  const error = filter.kind === 'error' ? filter : undefined;
  return (
    <div className="flex min-w-64 flex-1 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            // Clearing the box is what Escape means here, not closing the side panel.
            e.preventDefault();
            onChange('');
          }
        }}
        placeholder={label === 'Find' ? 'e.g. version = v2 or errorRate > 5%' : 'e.g. rps < 0.1 or ns = istio-system'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : summary ? summaryId : undefined}
        spellCheck={false}
        autoComplete="off"
        className={`${CONTROL_CLASS} font-mono ${error ? 'border-failure' : ''}`}
      />
      {error && (
        <div id={errorId} role="alert" className="text-xs text-failure">
          <pre aria-hidden className="overflow-x-auto font-mono">
            {text}
            {'\n'}
            {' '.repeat(Math.min(error.position, text.length))}^
          </pre>
          <p>{error.message}</p>
        </div>
      )}
      {/* Always in the DOM, so screen readers announce each new count. */}
      <p id={summaryId} role="status" className="min-h-4 text-xs text-slate-600 dark:text-slate-400">
        {error ? '' : (summary ?? '')}
      </p>
    </div>
  );
}
