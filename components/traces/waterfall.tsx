'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CriticalPathSegment } from '@/lib/mesh/traces/types';
import { Minimap } from './minimap';
import { SpanDetails } from './span-details';
import { expandAncestors, nodeIndexById, rowOf } from './span-link';
import { criticalBySpan, parentIds, visibleRows, type TraceTree } from './trace-tree';
import { useRowWindow } from './use-row-window';
import { WaterfallRow, ROW_HEIGHT } from './waterfall-row';
import { findSpans, moveActive, waterfallAction } from './waterfall-nav';
import { WaterfallAxis, WaterfallToolbar } from './waterfall-toolbar';
import { centerRow, rowsInView, scrollToRow } from './windowing';

export interface WaterfallProps {
  tree: TraceTree;
  criticalPath: readonly CriticalPathSegment[];
  /** The span whose details show; it comes from the URL, so it may name no span of this trace. */
  selected: string | null;
  onSelect: (spanId: string | null) => void;
}

/** The spans as rows on a shared time axis; only the rows in view are mounted, so huge traces stay usable. */
export function Waterfall({ tree, criticalPath, selected, onSelect }: WaterfallProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [active, setActive] = useState(0);
  const [showCritical, setShowCritical] = useState(false);
  const [find, setFind] = useState('');
  const anySelected = selected !== null;
  // Built at the first selection, not before: mapping 50,000 ids would delay the first rows for nothing.
  const byId = useMemo(() => (anySelected ? nodeIndexById(tree) : undefined), [tree, anySelected]);
  const selectedIndex = selected === null ? undefined : byId?.get(selected);

  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);

  // A span selected from outside (a link opened) may sit under collapsed spans: expand them so it has a row, and
  // make that row the keyboard's. Done while rendering, so the first paint already shows it.
  const [revealed, setRevealed] = useState<string | null>(null);
  if (selected !== revealed) {
    setRevealed(selected);
    if (selectedIndex !== undefined) {
      const open = expandAncestors(tree, collapsed, selectedIndex);
      if (open !== collapsed) setCollapsed(open);
      setActive(rowOf(open === collapsed ? rows : visibleRows(tree, open), selectedIndex));
    }
  }

  const critical = useMemo(() => criticalBySpan(criticalPath), [criticalPath]);
  const matches = useMemo(() => findSpans(tree, find), [tree, find]);
  const { ref, range, scrollTop, viewportHeight } = useRowWindow(rows.length, ROW_HEIGHT);
  const activeRow = Math.min(active, Math.max(0, rows.length - 1));
  const selectedRow = selectedIndex === undefined ? -1 : rowOf(rows, selectedIndex);

  // Once per selection, bring its row to the middle of the view, unless it is in view already (a clicked row).
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || selected === scrolledFor.current) return;
    scrolledFor.current = selected;
    if (selectedRow >= 0 && scrollToRow(selectedRow, el.scrollTop, el.clientHeight, ROW_HEIGHT) !== undefined) el.scrollTop = centerRow(selectedRow, el.clientHeight, ROW_HEIGHT, rows.length);
  }, [ref, selected, selectedRow, rows.length]);

  const toggle = (spanId: string, collapse?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (collapse ?? !c.has(spanId)) next.add(spanId);
      else next.delete(spanId);
      return next;
    });
  const select = (spanId: string) => onSelect(selected === spanId ? null : spanId);
  const scrollRow = (row: number, top: number | undefined) => {
    setActive(row);
    if (ref.current && top !== undefined) ref.current.scrollTop = top;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = waterfallAction(e);
    // Enter on a row's own button (toggle, details) does what that button says, not the active row's details.
    if (!action || (action === 'details' && e.target !== e.currentTarget)) return;
    e.preventDefault();
    const span = tree.nodes[rows[activeRow] ?? -1]?.span;
    const el = ref.current;
    if ((action === 'next' || action === 'previous') && el) {
      const next = moveActive(activeRow, action, rows.length);
      scrollRow(next, scrollToRow(next, el.scrollTop, el.clientHeight, ROW_HEIGHT));
    } else if (span && action === 'details') select(span.spanId);
    else if (span) toggle(span.spanId, action === 'collapse');
  };

  const selectedNode = selectedIndex === undefined ? undefined : tree.nodes[selectedIndex];
  return (
    <div className="space-y-2">
      <WaterfallToolbar
        onCollapseAll={() => setCollapsed(parentIds(tree))}
        onExpandAll={() => setCollapsed(new Set())}
        showCritical={showCritical}
        onShowCritical={setShowCritical}
        hasCritical={criticalPath.length > 0}
        find={find}
        onFind={setFind}
        matchCount={matches.size}
      />
      {selected !== null && !selectedNode && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Span <span className="font-mono">{selected}</span> is not in this trace.
        </p>
      )}
      <Minimap
        tree={tree}
        rows={rows}
        matches={matches}
        critical={showCritical ? critical : undefined}
        view={rowsInView(scrollTop, viewportHeight, ROW_HEIGHT, rows.length)}
        onJump={(row) => scrollRow(row, ref.current ? centerRow(row, ref.current.clientHeight, ROW_HEIGHT, rows.length) : undefined)}
      />
      <WaterfallAxis durationUs={tree.endUs - tree.startUs} />
      {/* Focusable so the keyboard shortcuts work as soon as the waterfall is tabbed to. */}
      <div
        ref={ref}
        role="grid"
        aria-label="Spans"
        aria-rowcount={rows.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="h-[60vh] min-h-64 overflow-auto rounded border border-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-800"
      >
        <div style={{ height: range.totalHeight, position: 'relative' }}>
          <div style={{ transform: `translateY(${range.offsetTop}px)` }} data-mounted-rows={range.end - range.start} data-viewport={viewportHeight}>
            {rows.slice(range.start, range.end).map((nodeIndex, i) => {
              const node = tree.nodes[nodeIndex];
              if (!node) return null;
              const id = node.span.spanId;
              const row = range.start + i;
              return (
                <WaterfallRow
                  key={id}
                  tree={tree}
                  node={node}
                  collapsed={collapsed.has(id)}
                  selected={selected === id}
                  critical={showCritical ? (critical.get(id) ?? []) : undefined}
                  match={matches.has(id)}
                  rowIndex={row + 1}
                  active={row === activeRow}
                  onToggle={() => {
                    setActive(row);
                    toggle(id);
                  }}
                  onSelect={() => {
                    setActive(row);
                    select(id);
                  }}
                />
              );
            })}
          </div>
        </div>
      </div>
      {selectedNode && <SpanDetails span={selectedNode.span} traceStartUs={tree.startUs} onClose={() => onSelect(null)} />}
    </div>
  );
}
