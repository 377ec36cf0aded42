import Link from 'next/link';
import type { IstioConfigItem } from '@/lib/mesh/istio/api-types';
import { nextSort, type ColumnSort } from '../graph/table-sort';
import { SortHeader } from '../ui/sort-header';
import { ageText } from './age';
import { configObjectHref } from './config-links';
import { CONFIG_COLUMNS, configRowId, validationSummary, type ConfigSortKey } from './config-rows';
import { SEVERITY_ICON, SEVERITY_TEXT_CLASS } from './severity';

const CELL = 'px-2 py-1.5 align-top';

export interface ConfigTableProps {
  items: readonly IstioConfigItem[];
  sort: ColumnSort<ConfigSortKey> | null;
  onSortChange: (sort: ColumnSort<ConfigSortKey>) => void;
  /** The time ages are counted to (when the data arrived), so a render does not read the clock. */
  nowMs: number;
}

/** `✓ Valid`, or the counts of errors and warnings with the first such message as a tooltip and hidden text. */
export function ValidationCell({ item }: { item: Pick<IstioConfigItem, 'findings'> }) {
  const { validation, text, title } = validationSummary(item);
  if (validation === 'valid') {
    return (
      <span className="whitespace-nowrap text-healthy">
        <span aria-hidden>✓ </span>
        {text}
      </span>
    );
  }
  return (
    <span title={title} data-validation={validation} className={`whitespace-nowrap ${SEVERITY_TEXT_CLASS[validation]}`}>
      <span aria-hidden>{SEVERITY_ICON[validation]} </span>
      {text}
      {title && <span className="sr-only">: {title}</span>}
    </span>
  );
}

/** The Istio objects as one sortable table; each name opens the object's page. */
export function ConfigTable({ items, sort, onSortChange, nowMs }: ConfigTableProps) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Istio config</caption>
      <thead>
        <tr className="text-xs text-slate-500 dark:text-slate-400">
          {CONFIG_COLUMNS.map((c) => (
            <SortHeader
              key={c.key}
              label={c.label}
              direction={sort?.key === c.key ? sort.direction : undefined}
              numeric={c.numeric}
              className={`${CELL} whitespace-nowrap`}
              onSort={() => onSortChange(nextSort(sort, c.key, c.numeric))}
            />
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={configRowId(item)}
            data-config-row={configRowId(item)}
            data-validation={validationSummary(item).validation}
            className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
          >
            <td className={CELL}>{item.kind}</td>
            <td className={CELL}>{item.namespace}</td>
            <td className={CELL}>
              <Link href={configObjectHref(item)} className="text-sky-700 hover:underline dark:text-sky-300">
                {item.name}
              </Link>
            </td>
            <td className={`${CELL} text-right tabular-nums`} title={item.createdAt}>
              {ageText(item.createdAt, nowMs)}
            </td>
            <td className={CELL}>
              <ValidationCell item={item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
