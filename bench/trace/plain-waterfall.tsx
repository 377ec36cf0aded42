// The baseline: the same rows, same row component and same scrolling container as Waterfall, but every visible row
// mounted (no windowing). Collapse and expand go through the same pure helpers the real component uses, behind
// buttons with the same labels, so the driver clicks both modes the same way.

import { useMemo, useState } from 'react';
import { BUTTON_CLASS } from '@/components/graph/toolbar-controls';
import { parentIds, visibleRows, type TraceTree } from '@/components/traces/trace-tree';
import { WaterfallRow } from '@/components/traces/waterfall-row';

const noop = () => {};

export function PlainWaterfall({ tree }: { tree: TraceTree }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON_CLASS} onClick={() => setCollapsed(parentIds(tree))}>
          Collapse all
        </button>
        <button type="button" className={BUTTON_CLASS} onClick={() => setCollapsed(new Set())}>
          Expand all
        </button>
      </div>
      <div role="grid" aria-label="Spans" aria-rowcount={rows.length} tabIndex={0} className="h-[60vh] min-h-64 overflow-auto">
        {rows.map((nodeIndex, row) => {
          const node = tree.nodes[nodeIndex];
          if (!node) return null;
          const id = node.span.spanId;
          // The callbacks are fresh closures per row, as Waterfall makes them, so neither mode gets cheaper props.
          return (
            <WaterfallRow
              key={id}
              tree={tree}
              node={node}
              collapsed={collapsed.has(id)}
              selected={false}
              critical={undefined}
              match={false}
              rowIndex={row + 1}
              active={row === 0}
              onToggle={() => noop()}
              onSelect={() => noop()}
            />
          );
        })}
      </div>
    </div>
  );
}
