/** An honest empty state for a section whose view has not been built. */
export function NotBuiltYet({ what }: { what: string }) {
  return (
    <div role="status" className="rounded border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {what} is not built yet.
    </div>
  );
}
