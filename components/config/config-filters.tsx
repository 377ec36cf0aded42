'use client';

import { ISTIO_KINDS } from '@/lib/api/istio';
import type { IstioKind } from '@/lib/mesh/istio/types';
import { ToolbarSelect } from '../graph/toolbar-controls';
import { CheckboxFilter, NameFilter } from '../ui/list-filters';
import { NamespaceChoice } from './namespace-choice';
import { VALIDATION_LABEL, VALIDATIONS, type Validation } from './config-rows';

export interface ConfigFiltersProps {
  /** `null`: no choice in the URL, every namespace. */
  namespaces: readonly string[] | null;
  onNamespacesChange: (namespaces: string[]) => void;
  kind: IstioKind | null;
  onKindChange: (kind: IstioKind | null) => void;
  /** The name box's text as typed (written to the URL after a pause). */
  name: string;
  onNameChange: (name: string) => void;
  validation: readonly Validation[];
  onValidationChange: (validation: Validation[]) => void;
}

const KIND_OPTIONS = [{ value: '', label: 'All kinds' }, ...ISTIO_KINDS.map((k) => ({ value: k, label: k }))] as const;

/** Namespaces, kind, a name substring and validation classes: the config list's filters, all kept in the URL. */
export function ConfigFilters(props: ConfigFiltersProps) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <NamespaceChoice chosen={props.namespaces} onChange={props.onNamespacesChange} />
      <ToolbarSelect label="Kind" value={props.kind ?? ''} options={KIND_OPTIONS} onChange={(k) => props.onKindChange(k === '' ? null : k)} />
      <NameFilter value={props.name} onChange={props.onNameChange} />
      <CheckboxFilter legend="Validation" options={VALIDATIONS} chosen={props.validation} onChange={props.onValidationChange} label={(v) => VALIDATION_LABEL[v]} />
    </div>
  );
}
