'use client';

import type { Health } from '@/lib/mesh/graph/types';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import { NamespaceSelect } from '../graph/namespace-select';
import { CheckboxFilter, NameFilter } from '../ui/list-filters';
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
  return (
    <div className="flex flex-wrap items-end gap-4">
      <NamespaceSelect available={props.available} loadError={props.namespacesError} selected={props.namespaces} onChange={props.onNamespacesChange} />
      <NameFilter value={props.name} onChange={props.onNameChange} />
      <CheckboxFilter
        legend="Health"
        options={HEALTH_STATES}
        chosen={props.health}
        onChange={props.onHealthChange}
        label={(h) => (
          <>
            <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${HEALTH_DOT_CLASS[h]}`} />
            {HEALTH_LABEL[h]}
          </>
        )}
      />
    </div>
  );
}
