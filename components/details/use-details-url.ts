'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { startTransition, useCallback, useEffect, useMemo, useOptimistic, useRef } from 'react';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import { normalizeDetailsUrlState, parseDetailsUrlState, serializeDetailsUrlState, type DetailsUrlState } from './url-state';

/**
 * The detail page's state in the URL, as the graph page keeps its own (components/graph/use-graph-url.ts):
 * changes replace the history entry, show optimistically until the URL catches up, and build on the last query
 * asked for, so two quick changes do not undo each other.
 */
export function useDetailsUrlState(kind: InventoryKind): [DetailsUrlState, (change: Partial<DetailsUrlState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const state = useMemo(() => parseDetailsUrlState(new URLSearchParams(query), kind), [query, kind]);
  const [shown, showChange] = useOptimistic(state, (current: DetailsUrlState, change: Partial<DetailsUrlState>) =>
    normalizeDetailsUrlState({ ...current, ...change }, kind),
  );
  const pending = useRef<string | null>(null);

  useEffect(() => {
    if (pending.current === query) pending.current = null;
  }, [query]);

  const update = useCallback(
    (change: Partial<DetailsUrlState>) => {
      const base = pending.current ?? window.location.search.replace(/^\?/, '');
      const next = serializeDetailsUrlState({ ...parseDetailsUrlState(new URLSearchParams(base), kind), ...change }, kind).toString();
      if (next === base) return;
      pending.current = next;
      startTransition(() => {
        showChange(change);
        router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
      });
    },
    [router, pathname, showChange, kind],
  );
  return [shown, update];
}
