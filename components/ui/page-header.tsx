import type { ReactNode } from 'react';

/** The heading block at the top of each page. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <p className="mt-1 text-slate-600 dark:text-slate-400">{children}</p>}
    </div>
  );
}
