'use client';

import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CriticalPathSegment } from '@/lib/mesh/traces/types';
import { BUTTON_CLASS, CONTROL_CLASS, ToolbarCheckbox } from '../graph/toolbar-controls';
import { axisTicks } from './format';
import { SpanDetails } from './span-details';
import { criticalBySpan, parentIds, visibleRows, type TraceTree } from './trace-tree';
import { useRowWindow } from './use-row-window';
import { WaterfallRow, ROW_HEIGHT } from './waterfall-row';
import { findSpans, moveActive, waterfallAction } from './waterfall-nav';
import { scrollToRow } from './windowing';

/** The spans as rows on a shared time axis; only the rows in view are mounted, so huge traces stay usable. */
export function Waterfall({ tree, criticalPath }: { tree: TraceTree; criticalPath: readonly CriticalPathSegment[] }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [showCritical, setShowCritical] = useState(false);
  const [find, setFind] = useState('');
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const critical = useMemo(() => criticalBySpan(criticalPath), [criticalPath]);
  const matches = useMemo(() => findSpans(tree, find), [tree, find]);
  const { ref, range, viewportHeight } = useRowWindow(rows.length, ROW_HEIGHT);
  const activeRow = Math.min(active, Math.max(0, rows.length - 1));

  const toggle = (spanId: string, collapse?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (collapse ?? !c.has(spanId)) next.add(spanId);
      else next.delete(spanId);
      return next;
    });
  const activeSpan = (row: number) => tree.nodes[rows[row] ?? -1]?.span;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = waterfallAction(e);
    // Enter on a row's own button (toggle, details) does what that button says, not the active row's details.
    if (!action || (action === 'details' && e.target !== e.currentTarget)) return;
    e.preventDefault();
    const span = activeSpan(activeRow);
    if (action === 'next' || action === 'previous') {
      const next = moveActive(activeRow, action, rows.length);
      setActive(next);
      const el = ref.current;
      const top = el ? scrollToRow(next, el.scrollTop, el.clientHeight, ROW_HEIGHT) : undefined;
      if (el && top !== undefined) el.scrollTop = top;
    } else if (span && action === 'details') setSelected((s) => (s === span.spanId ? null : span.spanId));
    else if (span) toggle(span.spanId, action === 'collapse');
  };

  const selectedNode = tree.nodes.find((n) => n.span.spanId === selected);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON_CLASS} onClick={() => setCollapsed(parentIds(tree))}>
          Collapse all
        </button>
        <button type="button" className={BUTTON_CLASS} onClick={() => setCollapsed(new Set())}>
          Expand all
        </button>
        <ToolbarCheckbox label="Critical path" checked={showCritical} onChange={setShowCritical} note={criticalPath.length === 0 ? 'none computed' : undefined} />
        <input type="search" aria-label="Find spans" placeholder="Find spans" value={find} onChange={(e) => setFind(e.target.value)} className={`${CONTROL_CLASS} w-48`} />
        {find.trim() && (
          <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {matches.size} matching spans
          </span>
        )}
        <span className="ml-auto text-xs text-slate-500">Keys: j/k move, Enter details, h/l collapse/expand</span>
      </div>
      <div aria-hidden className="flex text-[10px] text-slate-500">
        <span className="w-2/5">Service and operation</span>
        <span className="relative h-3 w-3/5">
          {axisTicks(tree.endUs - tree.startUs).map((t) => (
            <span key={t.percent} className="absolute" style={t.percent < 100 ? { left: `${t.percent}%` } : { right: 0 }}>
              {t.label}
            </span>
          ))}
        </span>
      </div>
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
                    setSelected((s) => (s === id ? null : id));
                  }}
                />
              );
            })}
          </div>
        </div>
      </div>
      {selectedNode && <SpanDetails span={selectedNode.span} traceStartUs={tree.startUs} onClose={() => setSelected(null)} />}
    </div>
  );
}
