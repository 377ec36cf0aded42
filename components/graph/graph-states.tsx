import type { ReactNode } from 'react';
import { BUTTON_CLASS } from './toolbar-controls';

/** Placeholder while the first graph loads. */
export function GraphLoading({ namespaces }: { namespaces: readonly string[] }) {
  return (
    <div role="status" className="flex h-[65vh] min-h-96 flex-col items-center justify-center gap-3 rounded border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <span aria-hidden className="h-8 w-8 animate-spin rounded-full border-4 border-slate-300 border-t-sky-600 motion-reduce:animate-none" />
      <span className="text-sm text-slate-600 dark:text-slate-400">
        Loading the graph{namespaces.length > 0 ? ` of ${namespaces.join(', ')}` : ''}…
      </span>
    </div>
  );
}

function EmptyBox({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
      {children}
    </div>
  );
}

/** No namespace is chosen (or none has sidecar injection to default to). */
export function NoNamespaces({ noneInjected }: { noneInjected: boolean }) {
  return (
    <EmptyBox>
      <p className="font-medium">Choose one or more namespaces to see their traffic.</p>
      {noneInjected && <p className="mt-1 text-sm">No namespace has the label istio-injection=enabled, so none is picked by default.</p>}
    </EmptyBox>
  );
}

/** The chosen namespaces had no traffic in the window; suggests what to try. */
export function NoTraffic({
  namespaces,
  durationLabel,
  idleEdges,
  onShowIdle,
  onLonger,
}: {
  namespaces: readonly string[];
  durationLabel: string;
  idleEdges: boolean;
  onShowIdle: () => void;
  /** Undefined when the window is already the longest. */
  onLonger?: { label: string; run: () => void };
}) {
  return (
    <EmptyBox>
      <p className="font-medium">
        No traffic in {namespaces.join(', ')} over the last {durationLabel}.
      </p>
      <p className="mt-1 text-sm">
        {idleEdges ? 'Try a longer duration.' : 'Show idle edges to see services that exist but saw no requests, or try a longer duration.'}
      </p>
      <div className="mt-3 flex gap-2">
        {!idleEdges && (
          <button type="button" onClick={onShowIdle} className={BUTTON_CLASS}>
            Show idle edges
          </button>
        )}
        {onLonger && (
          <button type="button" onClick={onLonger.run} className={BUTTON_CLASS}>
            Use the last {onLonger.label}
          </button>
        )}
      </div>
    </EmptyBox>
  );
}

/** The graph request failed; with a previous graph on screen, says it is stale. */
export function GraphError({ message, stale, onRetry }: { message: string; stale?: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-failure/40 bg-failure/10 px-3 py-2 text-sm">
      <span className="flex-1">
        <span className="font-semibold">Could not load the graph:</span> {message}
        {stale && <span className="block text-xs">Showing the last graph that loaded ({stale}).</span>}
      </span>
      <button type="button" onClick={onRetry} className={BUTTON_CLASS}>
        Try again
      </button>
    </div>
  );
}
