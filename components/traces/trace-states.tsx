import type { ReactNode } from 'react';
import { PanelError } from '../ui/panel-error';

/** A spinner with what is loading. */
export function TraceLoading({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="flex items-center gap-3 rounded border border-slate-200 bg-slate-50 p-6 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-4 border-slate-300 border-t-sky-600 motion-reduce:animate-none" />
      {children}
    </div>
  );
}

/** Nothing to show, and why. */
export function TraceEmpty({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
      {children}
    </div>
  );
}

/** A failed request, with a retry. */
export { PanelError as TraceError };
