'use client';

import type { GraphEdge } from '@/lib/mesh/graph/types';
import { edgeHealth } from './elements';
import { formatBytesPerSecond, formatMs, formatPercent, formatRps } from './format';
import { ratesByKey } from './selection';

const HEALTH_CLASS = { healthy: 'text-healthy', degraded: 'text-degraded', failure: 'text-failure', na: 'text-idle' } as const;

function RateTable({ caption, keyHeading, rates }: { caption: string; keyHeading: string; rates: Record<string, number> }) {
  const rows = ratesByKey(rates);
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-left text-xs">
      <caption className="text-left text-sm font-semibold">{caption}</caption>
      <thead>
        <tr className="text-slate-500">
          <th scope="col" className="py-1 font-medium">{keyHeading}</th>
          <th scope="col" className="py-1 text-right font-medium">rps</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, rps]) => (
          <tr key={key} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1 font-mono">{key}</td>
            <td className="py-1 text-right tabular-nums">{formatRps(rps)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An edge's protocol, rates, errors by code and flag, latency, mTLS and share of its source's traffic. */
export function EdgeDetails({ edge }: { edge: GraphEdge }) {
  const tcp = edge.protocol === 'tcp';
  const facts: [string, string][] = [
    ['Protocol', edge.protocol.toUpperCase()],
    [tcp ? 'Connections' : 'Requests', `${formatRps(edge.rps)} ${tcp ? 'per second' : 'rps'}`],
    ...(tcp ? [] : ([['Errors', formatPercent(edge.errorRate)]] as [string, string][])),
    ...(edge.latencyMs
      ? ([
          ['Latency p50', formatMs(edge.latencyMs.p50)],
          ['Latency p95', formatMs(edge.latencyMs.p95)],
          ['Latency p99', formatMs(edge.latencyMs.p99)],
        ] as [string, string][])
      : []),
    ['mTLS', formatPercent(edge.mtlsShare)],
    ...(edge.throughputBps !== undefined ? ([['Throughput', formatBytesPerSecond(edge.throughputBps)]] as [string, string][]) : []),
    ['Share of source traffic', formatPercent(edge.sourceShare)],
  ];
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Health</dt>
        <dd className={`font-semibold ${HEALTH_CLASS[edgeHealth(edge)]}`}>{edgeHealth(edge) === 'na' ? 'No traffic' : edgeHealth(edge)}</dd>
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {!edge.latencyMs && !tcp && <p className="text-xs text-slate-500">Choose a latency edge label to load latency.</p>}
      <RateTable caption="Response codes" keyHeading={edge.protocol === 'grpc' ? 'Status' : 'Code'} rates={edge.responseCodes} />
      <RateTable caption="Response flags" keyHeading="Flag" rates={edge.responseFlags} />
    </>
  );
}
