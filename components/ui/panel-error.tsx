// One panel's data could not be loaded: say what and why, offer a retry; the rest of the page stays.

import { BUTTON_CLASS } from '../graph/toolbar-controls';

/** A failed request for one panel, with an optional "Try again". */
export function PanelError({ what, message, onRetry }: { what: string; message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-failure/40 bg-failure/10 px-3 py-2 text-sm">
      <span className="flex-1">
        <span className="font-semibold">Could not load {what}:</span> {message}
      </span>
      {onRetry && (
        <button type="button" onClick={onRetry} className={BUTTON_CLASS}>
          Try again
        </button>
      )}
    </div>
  );
}
