'use client';

import { useEffect, useRef, useState } from 'react';
import { rowWindow, type RowWindow } from './windowing';

/** Mounts only the rows in view of a scrolling container with fixed-height rows (the math is in windowing.ts). */
export function useRowWindow(rowCount: number, rowHeight: number, buffer = 10) {
  const ref = useRef<HTMLDivElement>(null);
  // Before the first measure, assume a screenful so the server render and first paint show rows.
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setView({ top: el.scrollTop, height: el.clientHeight });
    el.addEventListener('scroll', read, { passive: true });
    // Also fires once on observe, which takes the first measure.
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, []);
  const range: RowWindow = rowWindow({ scrollTop: view.top, viewportHeight: view.height, rowHeight, rowCount, buffer });
  return { ref, range, scrollTop: view.top, viewportHeight: view.height };
}
