import type { CriticalPathSegment } from '@/lib/mesh/traces/types';
import { formatDurationUs, serviceColour } from './format';
import { barOf, type SpanNode, type TraceTree } from './trace-tree';

export const ROW_HEIGHT = 28;
const INDENT_PX = 12;

export interface WaterfallRowProps {
  tree: TraceTree;
  node: SpanNode;
  collapsed: boolean;
  selected: boolean;
  /** Segments to highlight; undefined when the critical path is off. */
  critical: readonly CriticalPathSegment[] | undefined;
  match: boolean;
  /** 1-based position among the visible rows, for screen readers. */
  rowIndex: number;
  /** The keyboard's current row. */
  active: boolean;
  onToggle: () => void;
  onSelect: () => void;
}

/** One span: its name indented by depth, and its bar on the trace's time axis. */
export function WaterfallRow({ tree, node, collapsed, selected, critical, match, rowIndex, active, onToggle, onSelect }: WaterfallRowProps) {
  const { span } = node;
  const bar = barOf(tree, span.startUs, span.durationUs);
  const colour = serviceColour(span.service);
  return (
    <div
      role="row"
      aria-selected={selected}
      aria-rowindex={rowIndex}
      data-span-id={span.spanId}
      data-error={span.error || undefined}
      style={{ height: ROW_HEIGHT }}
      className={`flex items-center border-b ${active ? 'outline outline-1 -outline-offset-1 outline-sky-500' : ''} border-slate-100 text-xs dark:border-slate-800 ${selected ? 'bg-sky-50 dark:bg-sky-950' : match ? 'bg-amber-50 dark:bg-amber-950' : ''}`}
    >
      <div role="gridcell" className="flex w-2/5 min-w-0 items-center gap-1 pr-2" style={{ paddingLeft: Math.min(node.depth, 40) * INDENT_PX }}>
        {node.children.length > 0 ? (
          <button type="button" onClick={onToggle} aria-expanded={!collapsed} aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${span.operation}`} className="w-4 shrink-0 text-slate-500">
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span aria-hidden className="h-3 w-1 shrink-0 rounded" style={{ background: colour }} />
        <button type="button" onClick={onSelect} aria-expanded={selected} className="min-w-0 truncate text-left hover:underline" title={`${span.service}: ${span.operation}`}>
          <span className="font-medium">{span.service}</span> {span.operation}
          {span.error && <span className="ml-1 font-semibold text-failure">(error)</span>}
        </button>
      </div>
      <div role="gridcell" className="relative h-full w-3/5">
        <div
          className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${span.error ? 'ring-2 ring-failure' : ''}`}
          style={{ left: `${bar.left}%`, width: `max(${bar.width}%, 1px)`, background: colour, opacity: critical ? 0.35 : 0.85 }}
        />
        {critical?.map((seg) => {
          const c = barOf(tree, seg.startUs, seg.endUs - seg.startUs);
          return <div key={seg.startUs} data-critical className="absolute top-1/2 h-3 -translate-y-1/2 rounded-sm bg-slate-900 dark:bg-white" style={{ left: `${c.left}%`, width: `max(${c.width}%, 1px)` }} />;
        })}
        <span className="absolute top-0 text-[10px] text-slate-500" style={bar.left > 70 ? { right: `${100 - bar.left + 0.5}%` } : { left: `${bar.left + bar.width + 0.5}%` }}>
          {formatDurationUs(span.durationUs)}
        </span>
      </div>
    </div>
  );
}
