// The live settings as lines of text, for users who may read but not change them. Pure.

import type { MatchCondition, TrafficModel, WeightedSubset } from '@/lib/mesh/traffic/types';
import { CIRCUIT_FIELDS } from './policies';
import type { TrafficSection } from './sections';

const split = (route: readonly WeightedSubset[]) => route.map((d) => `${d.subset} ${d.weight}%`).join(', ');
const condition = (c: MatchCondition) => (c.kind === 'header' ? `header ${c.name} ${c.match} "${c.value}"` : `path ${c.match} "${c.value}"`);

/** `[label, value]` lines describing one section's live settings. */
export function settingsSummary(model: TrafficModel, section: Exclude<TrafficSection, 'history'>): [string, string][] {
  switch (section) {
    case 'shifting':
      return model.routes.length === 0 ? [['Default route', 'none: requests are spread over every pod']] : model.routes.map((r) => [r.subset, `${r.weight}%`]);
    case 'routing':
      return model.rules.length === 0
        ? [['Rules', 'none']]
        : model.rules.map((r, i) => [`Rule ${i + 1}${r.name ? ` (${r.name})` : ''}`, `${r.match.map(condition).join(' and ') || 'every request'} → ${split(r.route)}`]);
    case 'faults': {
      const { delay, abort } = model.fault ?? {};
      return [
        ['Delay', delay ? `${delay.percent}% of requests by ${delay.fixedDelay}` : 'none'],
        ['Abort', abort ? `${abort.percent}% of requests with HTTP ${abort.httpStatus}` : 'none'],
      ];
    }
    case 'timeouts': {
      const r = model.retries;
      const retries = r ? [`${r.attempts} attempts`, r.perTryTimeout && `${r.perTryTimeout} per try`, r.retryOn && `on ${r.retryOn}`].filter(Boolean).join(', ') : 'none';
      return [
        ['Timeout', model.timeout ?? 'none'],
        ['Retries', retries],
      ];
    }
    case 'circuit': {
      const cb = model.circuitBreaker ?? {};
      const set = CIRCUIT_FIELDS.filter((f) => cb[f.key] !== undefined).map((f): [string, string] => [f.label, String(cb[f.key])]);
      return set.length === 0 ? [['Circuit breaker', 'none']] : set;
    }
  }
}
