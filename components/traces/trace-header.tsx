import Link from 'next/link';
import { formatDurationUs, formatStartUs } from './format';
import { graphHrefForTrace } from './graph-link';
import type { TraceTree } from './trace-tree';
import { BUTTON_CLASS } from '../graph/toolbar-controls';

/** The trace at a glance: root, timing, size and errors, with the download and graph links. */
export function TraceHeader({ traceId, tree, onDownload }: { traceId: string; tree: TraceTree; onDownload: () => void }) {
  const root = tree.nodes[0]?.span;
  const graphHref = graphHrefForTrace(tree.nodes.map((n) => n.span));
  const facts: [string, string][] = [
    ['Start', formatStartUs(tree.startUs)],
    ['Duration', formatDurationUs(tree.endUs - tree.startUs)],
    ['Services', `${tree.services.length}: ${tree.services.join(', ')}`],
    ['Depth', String(tree.depth)],
    ['Spans', String(tree.nodes.length)],
  ];
  return (
    <header className="space-y-2">
      <h2 className="text-lg font-semibold">
        {root ? `${root.service}: ${root.operation}` : 'Empty trace'} <span className="font-mono text-sm font-normal text-slate-500">{traceId}</span>
      </h2>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {facts.map(([k, v]) => (
          <div key={k} className="flex gap-1">
            <dt className="text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div className="flex gap-1">
          <dt className="text-slate-500">Errors</dt>
          <dd data-error-count={tree.errorCount} className={tree.errorCount > 0 ? 'font-semibold text-failure' : ''}>
            {tree.errorCount}
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onDownload} className={BUTTON_CLASS}>
          Download JSON
        </button>
        {graphHref && (
          <Link href={graphHref} className={BUTTON_CLASS}>
            Show on graph
          </Link>
        )}
      </div>
    </header>
  );
}
