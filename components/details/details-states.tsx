import Link from 'next/link';
import { KIND_NOUN, listHref, notFoundText, type ItemRef } from './links';
import { PanelError } from '../ui/panel-error';
import { LINK_CLASS } from './styles';

/** Placeholder while a panel's first data loads. */
export function PanelLoading({ what }: { what: string }) {
  return (
    <div role="status" className="flex min-h-32 items-center justify-center gap-3 rounded border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-slate-300 border-t-sky-600 motion-reduce:animate-none" />
      Loading {what}…
    </div>
  );
}

export { PanelError };

/** The API does not know the item: say which, and lead back to its list. */
export function DetailsNotFound({ item, reason }: { item: ItemRef; reason?: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{notFoundText(item)}</h1>
      <p className="text-slate-600 dark:text-slate-400">
        {/* The server knows whether the namespace or only the item is missing. */}
        {reason ? `The server says: ${reason}. ` : ''}It may have been deleted or renamed, or the address has a typo.
      </p>
      <Link href={listHref(item.kind, item.namespace)} className={LINK_CLASS}>
        Back to the {KIND_NOUN[item.kind]}s of {item.namespace}
      </Link>
    </div>
  );
}
