import type { ReactNode } from 'react';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import { nextSort, type ColumnSort } from '../graph/table-sort';
import { BUTTON_CLASS } from '../graph/toolbar-controls';
import { SortHeader } from '../ui/sort-header';
import { ItemCell } from './item-cell';
import { KIND_INFO } from './kinds';
import type { ListRows } from './list-rows';
import { LIST_COLUMNS, type ListSortKey } from './list-sort';

const CELL = 'px-2 py-1.5 align-top';

export interface InventoryTableProps {
  kind: InventoryKind;
  rows: ListRows;
  sort: ColumnSort<ListSortKey> | null;
  onSortChange: (sort: ColumnSort<ListSortKey>) => void;
  onRetry: (namespace: string) => void;
  /** Offered in the empty state when filters hide every item. */
  onClearFilters?: () => void;
}

/** A row spanning the table, for a namespace's loading or error state and for the empty state. */
function NoteRow({ span, children }: { span: number; children: ReactNode }) {
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800">
      <td colSpan={span} className={CELL}>
        {children}
      </td>
    </tr>
  );
}

/** The list as one sortable table over every selected namespace; each namespace's failure gets its own row. */
export function InventoryTable({ kind, rows, sort, onSortChange, onRetry, onClearFilters }: InventoryTableProps) {
  const columns = LIST_COLUMNS[kind];
  const { plural, title } = KIND_INFO[kind];
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{title}</caption>
      <thead>
        <tr className="text-xs text-slate-500 dark:text-slate-400">
          {columns.map((c) => {
            const direction = sort?.key === c.key ? sort.direction : undefined;
            return (
              <SortHeader
                key={c.key}
                label={c.label}
                direction={direction}
                numeric={c.numeric}
                className={`${CELL} whitespace-nowrap`}
                onSort={() => onSortChange(nextSort(sort, c.key, c.descFirst))}
              />
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.failed.map((f) => (
          <NoteRow key={`failed-${f.namespace}`} span={columns.length}>
            <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-failure/40 bg-failure/10 px-3 py-2">
              <span className="flex-1">
                <span className="font-semibold">Could not load the {plural} of {f.namespace}:</span> {f.message}
              </span>
              <button type="button" onClick={() => onRetry(f.namespace)} className={BUTTON_CLASS}>
                Try again<span className="sr-only"> for {f.namespace}</span>
              </button>
            </div>
          </NoteRow>
        ))}
        {rows.loading.map((namespace) => (
          <NoteRow key={`loading-${namespace}`} span={columns.length}>
            <span role="status" className="text-slate-600 dark:text-slate-400">
              Loading the {plural} of {namespace}…
            </span>
          </NoteRow>
        ))}
        {rows.empty && (
          <NoteRow span={columns.length}>
            <div role="status" className="flex flex-wrap items-center gap-3 py-2 text-slate-700 dark:text-slate-300">
              <span>{rows.empty}.</span>
              {rows.total > 0 && onClearFilters && (
                <button type="button" onClick={onClearFilters} className={BUTTON_CLASS}>
                  Clear the filters
                </button>
              )}
            </div>
          </NoteRow>
        )}
        {rows.items.map((item) => (
          <tr key={`${item.namespace}/${item.name}`} className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900">
            {columns.map((c) => (
              <td key={c.key} className={`${CELL} ${c.numeric ? 'text-right tabular-nums' : ''}`}>
                <ItemCell item={item} column={c.key} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
