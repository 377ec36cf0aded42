import { sortedEntries } from './overview';

/** Labels or a selector as `key=value` chips; says so when there are none. */
export function KeyValues({ label, values }: { label: string; values: Record<string, string> }) {
  const entries = sortedEntries(values);
  if (entries.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {entries.map(([key, value]) => (
        <li key={key} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {key}={value}
        </li>
      ))}
    </ul>
  );
}
