'use client';

import { useId } from 'react';
import type { Health } from '@/lib/mesh/graph/types';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import { NamespaceSelect } from '../graph/namespace-select';
import { CONTROL_CLASS } from '../graph/toolbar-controls';
import { HEALTH_DOT_CLASS, HEALTH_LABEL, HEALTH_STATES } from './item-format';

export interface InventoryFiltersProps {
  available: readonly NamespaceSummary[] | undefined;
  namespacesError?: string;
  namespaces: readonly string[];
  onNamespacesChange: (namespaces: string[]) => void;
  /** The name box's text as typed (written to the URL after a pause). */
  name: string;
  onNameChange: (name: string) => void;
  health: readonly Health[];
  onHealthChange: (health: Health[]) => void;
}

/** Namespaces, a name substring and health states: the list's filters, all of them kept in the URL. */
export function InventoryFilters(props: InventoryFiltersProps) {
  const nameId = useId();
  const { health, onHealthChange } = props;
  const toggle = (h: Health, on: boolean) => onHealthChange(HEALTH_STATES.filter((s) => (s === h ? on : health.includes(s))));
  return (
    <div className="flex flex-wrap items-end gap-4">
      <NamespaceSelect available={props.available} loadError={props.namespacesError} selected={props.namespaces} onChange={props.onNamespacesChange} />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={nameId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Name
        </label>
        <input
          id={nameId}
          type="search"
          value={props.name}
          onChange={(e) => props.onNameChange(e.target.value)}
          placeholder="Part of a name"
          autoComplete="off"
          spellCheck={false}
          className={`${CONTROL_CLASS} w-56`}
        />
      </div>
      <fieldset className="flex flex-col gap-0.5">
        <legend className="mb-0.5 text-xs font-medium text-slate-600 dark:text-slate-400">Health</legend>
        <div className="flex flex-wrap gap-3 py-1">
          {HEALTH_STATES.map((h) => (
            <label key={h} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={health.includes(h)} onChange={(e) => toggle(h, e.target.checked)} />
              <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${HEALTH_DOT_CLASS[h]}`} />
              {HEALTH_LABEL[h]}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
