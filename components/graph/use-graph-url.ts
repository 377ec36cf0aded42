'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { startTransition, useCallback, useEffect, useMemo, useOptimistic, useRef, useState } from 'react';
import { parseGraphUrlState, serializeGraphUrlState, type GraphUrlState } from './url-state';

/**
 * The graph page's state in the URL. Changes replace the history entry, so the back button leaves the page
 * instead of stepping through every toggle. Next runs `router.replace` as a transition, so the state shows the
 * change optimistically until the URL catches up (a controlled checkbox would otherwise snap back meanwhile).
 */
export function useGraphUrlState(): [GraphUrlState, (change: Partial<GraphUrlState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const state = useMemo(() => parseGraphUrlState(new URLSearchParams(query)), [query]);
  const [shown, showChange] = useOptimistic(state, (current: GraphUrlState, change: Partial<GraphUrlState>) => ({ ...current, ...change }));
  // The query last asked for; later changes build on it even before the URL has caught up.
  const pending = useRef<string | null>(null);

  useEffect(() => {
    if (pending.current === query) pending.current = null;
  }, [query]);

  const update = useCallback(
    (change: Partial<GraphUrlState>) => {
      const base = pending.current ?? window.location.search.replace(/^\?/, '');
      const next = serializeGraphUrlState({ ...parseGraphUrlState(new URLSearchParams(base)), ...change }).toString();
      if (next === base) return;
      pending.current = next;
      startTransition(() => {
        showChange(change);
        router.replace(`${pathname}?${next}`, { scroll: false });
      });
    },
    [router, pathname, showChange],
  );
  return [shown, update];
}

/** Debounce for writing Find/Hide text to the URL while typing. */
const FILTER_COMMIT_MS = 400;

/**
 * A Find/Hide box's text: local while typing (so the box and its error react at once), written to the URL
 * after a pause.
 */
export function useFilterText(urlValue: string, commit: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(urlValue);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (text === urlValue) return;
    const timer = setTimeout(() => commitRef.current(text), FILTER_COMMIT_MS);
    return () => clearTimeout(timer);
  }, [text, urlValue]);
  return [text, setText];
}
