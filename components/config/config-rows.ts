// The config table's rows: each object's validation in a word, the filters, the columns and their sort. Pure.

import type { IstioConfigItem } from '@/lib/mesh/istio/api-types';
import type { Finding } from '@/lib/mesh/istio/types';
import { sortRows, type ColumnSort, type SortValue } from '../graph/table-sort';
import { ageSeconds } from './age';

/** An object's validation: any error makes it `error`, else any warning `warning`; info alone is still valid. */
export type Validation = 'valid' | 'warning' | 'error';
export const VALIDATIONS: readonly Validation[] = ['valid', 'warning', 'error'];
export const VALIDATION_LABEL: Record<Validation, string> = { valid: 'Valid', warning: 'Warnings', error: 'Errors' };

export const CONFIG_COLUMNS = [
  { key: 'kind', label: 'Kind', numeric: false },
  { key: 'namespace', label: 'Namespace', numeric: false },
  { key: 'name', label: 'Name', numeric: false },
  { key: 'age', label: 'Age', numeric: true },
  { key: 'validation', label: 'Validation', numeric: false },
] as const;

export type ConfigSortKey = (typeof CONFIG_COLUMNS)[number]['key'];

const count = (findings: readonly Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;

/** The validation class of an object. */
export function validationOf(item: Pick<IstioConfigItem, 'findings'>): Validation {
  if (count(item.findings, 'error') > 0) return 'error';
  return count(item.findings, 'warning') > 0 ? 'warning' : 'valid';
}

/** What the validation cell says: `✓ Valid`, or `2 errors, 1 warning` with the first such message as its title. */
export function validationSummary(item: Pick<IstioConfigItem, 'findings'>): { validation: Validation; text: string; title?: string } {
  const errors = count(item.findings, 'error');
  const warnings = count(item.findings, 'warning');
  const validation = validationOf(item);
  if (validation === 'valid') return { validation, text: 'Valid' };
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const text = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  const first = item.findings.find((f) => f.severity === validation);
  return { validation, text, ...(first ? { title: first.message } : {}) };
}

export interface ConfigFilter {
  /** Substring of the name, any case. */
  name: string;
  /** Empty shows every object. */
  validation: readonly Validation[];
}

/** The items that pass the name and validation filters, in their order. */
export function filterConfigItems(items: readonly IstioConfigItem[], filter: ConfigFilter): IstioConfigItem[] {
  const name = filter.name.trim().toLowerCase();
  return items.filter((i) => (!name || i.name.toLowerCase().includes(name)) && (filter.validation.length === 0 || filter.validation.includes(validationOf(i))));
}

// Ascending puts valid first, so descending puts errors on top.
const VALIDATION_RANK: Record<Validation, number> = { valid: 0, warning: 1, error: 2 };

/** An item's value in a column; age in seconds at `nowMs`. */
export function configSortValue(item: IstioConfigItem, key: ConfigSortKey, nowMs: number): SortValue {
  switch (key) {
    case 'age':
      return ageSeconds(item.createdAt, nowMs);
    case 'validation':
      return VALIDATION_RANK[validationOf(item)];
    default:
      return item[key];
  }
}

/** The items in table order; without a sort, the server's (namespace, kind, name). */
export function sortConfigItems(items: readonly IstioConfigItem[], sort: ColumnSort<ConfigSortKey> | null, nowMs: number): readonly IstioConfigItem[] {
  if (!sort) return items;
  return sortRows(items, (i) => configSortValue(i, sort.key, nowMs), sort.direction);
}

/** The row's stable id, for keys and for e2e: `Kind/namespace/name`. */
export const configRowId = (item: Pick<IstioConfigItem, 'kind' | 'namespace' | 'name'>) => `${item.kind}/${item.namespace}/${item.name}`;
