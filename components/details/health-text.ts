// How the detail page words an item's health: a colour class, a word, and the traffic behind it. Pure.

import { formatPercent, formatRps } from '@/components/graph/format';
import type { Health } from '@/lib/mesh/graph/types';
import type { HealthReport } from '@/lib/mesh/inventory/types';

/** The word and the theme colour (app/globals.css) of a health state; colour is never the only signal. */
export const HEALTH_TEXT: Record<Health, { word: string; className: string }> = {
  healthy: { word: 'Healthy', className: 'text-healthy' },
  degraded: { word: 'Degraded', className: 'text-degraded' },
  failure: { word: 'Failure', className: 'text-failure' },
  na: { word: 'No traffic', className: 'text-idle' },
};

/** The inbound traffic the health was judged on: "12.3 rps in, 0.5% errors"; none without traffic. */
export function trafficSummary(report: HealthReport): string | undefined {
  if (!(report.inRps > 0)) return undefined;
  const errors = report.inErrorRate === null ? '' : `, ${formatPercent(report.inErrorRate)} errors`;
  return `${formatRps(report.inRps)} rps in${errors}`;
}
