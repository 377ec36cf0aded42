'use client';

import Link from 'next/link';
import type { Graph, GraphNode } from '@/lib/mesh/graph/types';
import { formatMs, formatPercent, formatRps } from './format';
import { detailsHref, nodeTraffic, tracesHref, type TrafficRow } from './selection';

const HEALTH_TEXT: Record<GraphNode['health'], { text: string; className: string }> = {
  healthy: { text: 'Healthy', className: 'text-healthy' },
  degraded: { text: 'Degraded', className: 'text-degraded' },
  failure: { text: 'Failure', className: 'text-failure' },
  na: { text: 'No traffic', className: 'text-idle' },
};

const TYPE_TEXT: Record<GraphNode['nodeType'], string> = { app: 'App', workload: 'Workload', service: 'Service', unknown: 'Unknown' };

function TrafficTable({ caption, peerHeading, rows, onSelectNode }: { caption: string; peerHeading: string; rows: TrafficRow[]; onSelectNode: (id: string) => void }) {
  if (rows.length === 0) return <p className="text-slate-500">No {caption.toLowerCase()}.</p>;
  return (
    <table className="w-full text-left text-xs">
      <caption className="text-left text-sm font-semibold">{caption}</caption>
      <thead>
        <tr className="text-slate-500">
          <th scope="col" className="py-1 font-medium">{peerHeading}</th>
          <th scope="col" className="py-1 text-right font-medium">rps</th>
          <th scope="col" className="py-1 text-right font-medium">Error</th>
          <th scope="col" className="py-1 text-right font-medium">p95</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.edge.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1">
              <button type="button" onClick={() => onSelectNode(r.peerId)} className="text-left text-sky-700 underline dark:text-sky-300">
                {r.peerName}
              </button>
            </td>
            <td className="py-1 text-right tabular-nums">{formatRps(r.edge.rps)}</td>
            <td className="py-1 text-right tabular-nums">{formatPercent(r.edge.errorRate)}</td>
            <td className="py-1 text-right tabular-nums">{r.edge.latencyMs ? formatMs(r.edge.latencyMs.p95) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A node's identity, health, rates, traffic with its peers and links onwards. */
export function NodeDetails({ graph, node, onSelectNode }: { graph: Graph; node: GraphNode; onSelectNode: (id: string) => void }) {
  const traffic = nodeTraffic(graph, node.id);
  const details = detailsHref(node);
  const traces = tracesHref(node);
  const health = HEALTH_TEXT[node.health];
  const facts: [string, string | undefined][] = [
    ['Type', TYPE_TEXT[node.nodeType]],
    ['Namespace', node.namespace],
    ['App', node.app],
    ['Version', node.version],
    ['Workload', node.workload],
    ['Service', node.service],
    ['Inbound', `${formatRps(node.inRps)} rps`],
    ['Outbound', `${formatRps(node.outRps)} rps`],
    ['Inbound errors', formatPercent(node.inErrorRate)],
  ];
  const hasLatency = graph.edges.some((e) => e.latencyMs);
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Health</dt>
        <dd className={`font-semibold ${health.className}`}>{health.text}</dd>
        {facts.map(([label, value]) =>
          value === undefined ? null : (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ),
        )}
      </dl>
      {(node.isRoot || node.isOutsideMesh || node.isOutsideNamespaces || node.isIdle) && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {[node.isRoot && 'Entry point', node.isOutsideMesh && 'outside the mesh', node.isOutsideNamespaces && 'outside the chosen namespaces', node.isIdle && 'idle']
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <div className="flex gap-3">
        {details && <Link href={details} className="text-sky-700 underline dark:text-sky-300">Open details</Link>}
        {traces && <Link href={traces} className="text-sky-700 underline dark:text-sky-300">Traces</Link>}
        {/* A service's routing is edited on its page, in the traffic-management tab. */}
        {details && node.nodeType === 'service' && <Link href={`${details}?tab=manage&section=shifting`} className="text-sky-700 underline dark:text-sky-300">Manage traffic</Link>}
      </div>
      <TrafficTable caption="Inbound traffic" peerHeading="From" rows={traffic.inbound} onSelectNode={onSelectNode} />
      <TrafficTable caption="Outbound traffic" peerHeading="To" rows={traffic.outbound} onSelectNode={onSelectNode} />
      {!hasLatency && <p className="text-xs text-slate-500">Choose a latency edge label to load p95.</p>}
    </>
  );
}
