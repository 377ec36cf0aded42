'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import { BUTTON_CLASS } from './toolbar-controls';

export interface NamespaceSelectProps {
  /** Every namespace the console can see; undefined while loading. */
  available: readonly NamespaceSummary[] | undefined;
  loadError?: string;
  selected: readonly string[];
  onChange: (namespaces: string[]) => void;
}

/** A button that opens a checkbox list of namespaces; Escape or a click outside closes it. */
export function NamespaceSelect({ available, loadError, selected, onChange }: NamespaceSelectProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  // Selected namespaces the cluster no longer lists still show, so they can be unticked.
  const names = [...new Set([...(available ?? []).map((n) => n.name), ...selected])].sort();
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected, name].sort() : selected.filter((n) => n !== name));
  const summary = selected.length === 0 ? 'none' : selected.length <= 2 ? selected.join(', ') : `${selected.length} selected`;

  return (
    <div ref={root} className="relative flex flex-col gap-0.5">
      <span className="text-xs font-medium text-slate-600 dark:text-slate-400" aria-hidden>
        Namespaces
      </span>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Namespaces: ${summary}`}
        onClick={() => setOpen((o) => !o)}
        className={`${BUTTON_CLASS} min-w-40 text-left`}
      >
        {summary} <span aria-hidden>▾</span>
      </button>
      {open && (
        <div
          id={listId}
          role="group"
          aria-label="Namespaces"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setOpen(false);
            button.current?.focus();
          }}
          className="absolute top-full z-20 mt-1 max-h-72 min-w-56 overflow-auto rounded border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {loadError && <p className="mb-1 text-xs text-failure">Could not list namespaces: {loadError}</p>}
          {available === undefined && !loadError && <p className="text-xs text-slate-500">Loading namespaces…</p>}
          {available !== undefined && names.length === 0 && <p className="text-xs text-slate-500">No namespaces.</p>}
          <ul>
            {names.map((name) => {
              const injected = available?.find((n) => n.name === name)?.istioInjection === 'enabled';
              return (
                <li key={name}>
                  <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                    <input
                      type="checkbox"
                      checked={selected.includes(name)}
                      onChange={(e) => toggle(name, e.target.checked)}
                      // The first box takes focus when the list opens, so keyboard users land inside it.
                      autoFocus={name === names[0]}
                    />
                    {name}
                    {injected && <span className="text-xs text-slate-500">injected</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
