// A column header that sorts its table: a button inside the `th`, with aria-sort telling screen readers the order.

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export interface SortHeaderProps {
  label: string;
  /** The column's current order; undefined when the table is sorted by another column. */
  direction: 'asc' | 'desc' | undefined;
  numeric?: boolean;
  className?: string;
  onSort: () => void;
}

/** One sortable `th`: activating its button (click, Enter or Space) asks the table to sort by this column. */
export function SortHeader({ label, direction, numeric = false, className = '', onSort }: SortHeaderProps) {
  return (
    <th scope="col" aria-sort={direction && ARIA_SORT[direction]} className={`${className} ${numeric ? 'text-right' : ''}`}>
      <button type="button" onClick={onSort} className="inline-flex items-center gap-1 rounded font-medium hover:text-slate-900 dark:hover:text-slate-100">
        {label}
        <span aria-hidden className={direction ? '' : 'opacity-30'}>
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
