'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { formatMs, formatPercent, formatRps } from '@/components/graph/format';
import { graphQuery } from '@/lib/api/graph';
import { PanelError, PanelLoading } from './details-states';
import { errorMessage } from './error-message';
import { KIND_NOUN, type ItemRef } from './links';
import { LINK_CLASS } from './styles';
import { answersRequest, itemTraffic, trafficGraphRequest, type PeerTraffic } from './traffic';
import { durationLabel } from './url-state';

function PeerTable({ caption, peerHeading, rows }: { caption: string; peerHeading: string; rows: PeerTraffic[] }) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        <span className="font-semibold">{caption}:</span> none in this window.
      </p>
    );
  }
  return (
    <table className="w-full max-w-3xl text-left text-sm">
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="text-xs text-slate-500">
          <th scope="col" className="py-1 font-medium">{peerHeading}</th>
          <th scope="col" className="py-1 font-medium">Protocol</th>
          <th scope="col" className="py-1 text-right font-medium">rps</th>
          <th scope="col" className="py-1 text-right font-medium">Error %</th>
          <th scope="col" className="py-1 text-right font-medium">p95</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1 font-normal">
              {r.peerHref ? (
                <Link href={r.peerHref} className={LINK_CLASS}>
                  {r.peer}
                </Link>
              ) : (
                r.peer
              )}
            </th>
            <td className="py-1 uppercase text-slate-600 dark:text-slate-400">{r.protocol}</td>
            <td className="py-1 text-right tabular-nums">{formatRps(r.rps)}</td>
            <td className="py-1 text-right tabular-nums">{formatPercent(r.errorRate)}</td>
            <td className="py-1 text-right tabular-nums">{r.p95Ms === undefined ? '—' : formatMs(r.p95Ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who sends to the item and whom it sends to, from one graph of its namespace, each peer linking to its page. */
export function TrafficTab({ item, duration, refresh }: { item: ItemRef; duration: number; refresh: number }) {
  const request = trafficGraphRequest(item, duration);
  const result = useQuery(graphQuery(request.params, refresh));
  const graph = result.data && answersRequest(result.data, request.params) ? result.data : undefined;
  const traffic = useMemo(() => graph && itemTraffic(graph, item), [graph, item]);
  const windowLabel = durationLabel(request.duration);

  if (!traffic) {
    if (result.isError) return <PanelError what="the traffic" message={errorMessage(result.error)} onRetry={() => void result.refetch()} />;
    return <PanelLoading what="the traffic" />;
  }
  return (
    <section aria-label="Traffic" className="space-y-6">
      {request.capped && <p className="text-sm text-slate-600 dark:text-slate-400">The graph covers at most the last {windowLabel}.</p>}
      {result.isError && <PanelError what="newer traffic" message={errorMessage(result.error)} onRetry={() => void result.refetch()} />}
      {traffic.found ? (
        <>
          <PeerTable caption="Incoming traffic" peerHeading="From" rows={traffic.inbound} />
          <PeerTable caption="Outgoing traffic" peerHeading="To" rows={traffic.outbound} />
        </>
      ) : (
        <p role="status" className="rounded border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          No traffic to or from this {KIND_NOUN[item.kind]} over the last {windowLabel}.
        </p>
      )}
    </section>
  );
}
