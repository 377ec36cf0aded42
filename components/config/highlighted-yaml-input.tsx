'use client';

import { useMemo, useRef, type UIEvent } from 'react';
import { yamlTokens, type YamlTokenKind } from './yaml-tokens';

const KIND_CLASS: Record<YamlTokenKind, string> = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-700 dark:text-amber-300',
  literal: 'text-fuchsia-700 dark:text-fuchsia-300',
  comment: 'text-slate-500 italic',
  punct: 'text-slate-500',
  plain: '',
};

// The textarea and the coloured copy under it must lay text out identically, character for character.
const TEXT_CLASS = 'm-0 whitespace-pre p-2 font-mono text-xs leading-5';

/**
 * A YAML text box with syntax colours: the user types into an ordinary textarea (so editing, selection, undo and
 * screen readers behave as usual) whose own text is transparent over a coloured copy that scrolls with it.
 */
export function HighlightedYamlInput({ id, value, onChange, rows }: { id: string; value: string; onChange: (text: string) => void; rows: number }) {
  const under = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => value.split('\n').map(yamlTokens), [value]);
  const follow = (e: UIEvent<HTMLTextAreaElement>) => {
    if (!under.current) return;
    under.current.scrollTop = e.currentTarget.scrollTop;
    under.current.scrollLeft = e.currentTarget.scrollLeft;
  };
  return (
    <div className="relative rounded border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950">
      <pre ref={under} aria-hidden className={`${TEXT_CLASS} pointer-events-none absolute inset-0 overflow-hidden`}>
        {lines.map((tokens, i) => (
          <span key={i} className="block min-h-5">
            {tokens.map((t, j) => (
              <span key={j} className={KIND_CLASS[t.kind]}>
                {t.text}
              </span>
            ))}
          </span>
        ))}
      </pre>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={follow}
        rows={rows}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        className={`${TEXT_CLASS} relative block w-full resize-y overflow-auto bg-transparent text-transparent caret-slate-900 selection:bg-sky-200/60 dark:caret-slate-100`}
      />
    </div>
  );
}
