'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { traceQuery, type TraceDetails } from '@/lib/api/traces';
import { errorText } from './format';
import { TraceHeader } from './trace-header';
import { TraceEmpty, TraceError, TraceLoading } from './trace-states';
import { buildTraceTree } from './trace-tree';
import { useSpanParam } from './use-span-param';
import { Waterfall } from './waterfall';

// The trace exactly as the API answered, so a saved file can be compared or loaded elsewhere.
function download(trace: TraceDetails) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(trace, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `trace-${trace.traceId}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/** One trace: its header and waterfall, with loading, not-found and error states; `?span=` selects a span. */
export function TraceDetail({ traceId }: { traceId: string }) {
  const result = useQuery(traceQuery(traceId));
  const [selected, select] = useSpanParam();
  const tree = useMemo(() => (result.data ? buildTraceTree(result.data) : undefined), [result.data]);
  if (result.isPending) return <TraceLoading>Loading trace {traceId}…</TraceLoading>;
  if (result.isError) return <TraceError what={`trace ${traceId}`} message={errorText(result.error)} onRetry={() => void result.refetch()} />;
  if (!tree || tree.nodes.length === 0) return <TraceEmpty>Trace {traceId} has no spans.</TraceEmpty>;
  const data = result.data;
  return (
    <div className="space-y-4">
      <TraceHeader traceId={traceId} tree={tree} onDownload={() => download(data)} />
      <Waterfall key={traceId} tree={tree} criticalPath={data.criticalPath} selected={selected} onSelect={select} />
    </div>
  );
}
