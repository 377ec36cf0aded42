'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { SPAN_PARAM, withSpanParam } from './span-link';

/**
 * The selected span, held in the URL as `?span=` so the page can be shared open on it. Selecting replaces the
 * history entry rather than navigating, so the server page is not fetched again for every click.
 */
export function useSpanParam(): [string | null, (spanId: string | null) => void] {
  const fromUrl = useSearchParams().get(SPAN_PARAM);
  // Shown at once; the URL catches up a moment later, and a link opened in place (another ?span=) wins.
  const [spanId, setSpanId] = useState(fromUrl);
  const [lastUrl, setLastUrl] = useState(fromUrl);
  if (fromUrl !== lastUrl) {
    setLastUrl(fromUrl);
    setSpanId(fromUrl);
  }
  const select = useCallback((id: string | null) => {
    setSpanId(id);
    const { pathname, search, hash } = window.location;
    // null state: Next copies its own history state in, and keeps useSearchParams in step with the new URL.
    window.history.replaceState(null, '', `${pathname}${withSpanParam(search, id)}${hash}`);
  }, []);
  return [spanId, select];
}
