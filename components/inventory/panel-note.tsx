import type { ReactNode } from 'react';

/** A panel's loading, empty or error state in place of its content: a status, or an alert for failures. */
export function PanelNote({ alert, children }: { alert?: boolean; children: ReactNode }) {
  return (
    <div
      role={alert ? 'alert' : 'status'}
      className={`flex flex-wrap items-center gap-3 rounded border p-4 text-sm ${
        alert ? 'border-failure/40 bg-failure/10' : 'border-dashed border-slate-300 text-slate-700 dark:border-slate-700 dark:text-slate-300'
      }`}
    >
      {children}
    </div>
  );
}
