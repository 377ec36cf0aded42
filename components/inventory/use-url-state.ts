'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { startTransition, useCallback, useEffect, useMemo, useOptimistic, useRef } from 'react';
import { readableQuery } from './list-url';

/** How a page's state reads from and writes to search params; keep the object stable (module level). */
export interface UrlCodec<S> {
  parse: (params: URLSearchParams) => S;
  serialize: (state: S) => URLSearchParams;
}

/**
 * A page's state held in the URL, the way the graph page holds its own (components/graph/use-graph-url.ts):
 * changes replace the history entry, show optimistically until the URL catches up, and build on the last
 * change asked for even before Next has applied it.
 */
export function useUrlState<S extends object>(codec: UrlCodec<S>): [S, (change: Partial<S>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Written readable, read back however Next encodes it: compare in one form.
  const query = readableQuery(params);
  const state = useMemo(() => codec.parse(new URLSearchParams(query)), [codec, query]);
  const [shown, showChange] = useOptimistic(state, (current: S, change: Partial<S>) => ({ ...current, ...change }));
  const pending = useRef<string | null>(null);

  useEffect(() => {
    if (pending.current === query) pending.current = null;
  }, [query]);

  const update = useCallback(
    (change: Partial<S>) => {
      const base = pending.current ?? readableQuery(new URLSearchParams(window.location.search));
      const next = readableQuery(codec.serialize({ ...codec.parse(new URLSearchParams(base)), ...change }));
      if (next === base) return;
      pending.current = next;
      startTransition(() => {
        showChange(change);
        router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
      });
    },
    [codec, router, pathname, showChange],
  );
  return [shown, update];
}
