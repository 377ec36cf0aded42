// Number formatting and edge label text for the graph. Pure.

import type { GraphEdge } from '@/lib/mesh/graph/types';
import type { EdgeLabel } from './url-state';

function trimmed(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

/** Requests per second with about three significant digits: 0, 0.012, 1.23, 12.3, 123. */
export function formatRps(rps: number): string {
  if (!Number.isFinite(rps) || rps <= 0) return '0';
  if (rps < 0.01) return '<0.01';
  if (rps < 10) return trimmed(rps, 2);
  if (rps < 100) return trimmed(rps, 1);
  return Math.round(rps).toString();
}

/** A 0–1 share as a percentage: 0%, <0.1%, 1.5%, 12%, 100%. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  const pct = share * 100;
  if (pct < 0.1) return '<0.1%';
  if (pct < 10) return `${trimmed(pct, 1)}%`;
  return `${Math.round(pct)}%`;
}

/** Milliseconds as ms below a second, seconds above: 0.4ms, 12ms, 1.25s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1) return `${trimmed(ms, 2)}ms`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${trimmed(ms / 1000, 2)}s`;
}

const BYTE_UNITS = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s'] as const;

/** Bytes per second in binary units: 512 B/s, 1.5 KiB/s, 3.2 MiB/s. */
export function formatBytesPerSecond(bps: number): string {
  if (!Number.isFinite(bps) || bps <= 0) return '0 B/s';
  let value = bps;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? Math.round(value) : trimmed(value, 1)} ${BYTE_UNITS[unit]}`;
}

/**
 * The text drawn on an edge for the chosen label. TCP edges show bytes per second for the rate label; a
 * latency label is empty when the graph carries no quantiles (TCP, or latency not requested).
 */
export function edgeLabelText(edge: GraphEdge, label: EdgeLabel): string {
  switch (label) {
    case 'none':
      return '';
    case 'rps':
      if (edge.protocol === 'tcp') return edge.throughputBps !== undefined ? formatBytesPerSecond(edge.throughputBps) : '';
      return `${formatRps(edge.rps)} rps`;
    case 'errorRate':
      return edge.errorRate > 0 ? formatPercent(edge.errorRate) : '';
    case 'p50':
    case 'p95':
    case 'p99':
      return edge.latencyMs ? formatMs(edge.latencyMs[label]) : '';
    case 'share':
      return formatPercent(edge.sourceShare);
  }
}

/** "1 node", "3 edges". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
