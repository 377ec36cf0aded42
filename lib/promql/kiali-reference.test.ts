import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Matcher } from './ast';
import { gt, rate, round, selector, sumBy } from './build';
import { seconds } from './duration';
import { eq, neq, re } from './matchers';
import { render } from './render';

// Kiali's recorded graph queries for one namespace (bookinfo), as its backend sent them to Prometheus.
const QUERIES = join(
  import.meta.dirname,
  '../../../shared/reference/kiali-graph/prometheus-mock-inputs/mockNamespaceRatesGraph.queries.json',
);
const recorded = JSON.parse(readFileSync(QUERIES, 'utf8')) as { id: string; query: string }[];

function kialiQuery(id: string): string {
  const found = recorded.find((q) => q.id === id);
  if (found === undefined) throw new Error('no query ' + id + ' in ' + QUERIES);
  return found.query;
}

const GROUP_BY = [
  'source_cluster',
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'destination_cluster',
  'destination_service_namespace',
  'destination_service',
  'destination_service_name',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
];

// Kiali's graph query shape: requests per second per edge over 10 minutes, rounded, zero edges dropped.
const graphQuery = (matchers: readonly Matcher[]) =>
  round(gt(sumBy(GROUP_BY, rate(selector('istio_requests_total', matchers, seconds(600)))), 0), 0.001);

/** Index of the `)` closing the `(` at `open`, skipping double-quoted strings. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      i += 1;
      while (s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    } else if (ch === '(') depth += 1;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new Error('unbalanced parentheses in ' + s);
}

/**
 * Kiali's spelling → ours, three documented rewrites that do not change the query's meaning:
 * 1. all whitespace removed (Kiali writes `{…} [600s]` and `> 0,0.001`; no value in these queries holds a space);
 * 2. `[600s]` → `[10m]` (we render a duration in its largest whole unit);
 * 3. `sum(X) by (L)` → `sum by (L) (X)` (we put the grouping before the argument).
 * Our rendering only has its whitespace removed before the comparison.
 */
function canonical(kiali: string): string {
  let s = kiali.replace(/\s+/g, '');
  expect(s).toContain('[600s]');
  s = s.replaceAll('[600s]', '[10m]');
  const start = s.indexOf('sum(');
  expect(start).toBeGreaterThanOrEqual(0);
  const argEnd = closingParen(s, start + 'sum'.length);
  expect(s.startsWith('by(', argEnd + 1)).toBe(true);
  const byEnd = closingParen(s, argEnd + 'by('.length);
  const arg = s.slice(start + 'sum'.length, argEnd + 1);
  const by = s.slice(argEnd + 1, byEnd + 1);
  return s.slice(0, start) + 'sum' + by + arg + s.slice(byEnd + 1);
}

const withoutSpaces = (s: string) => s.replace(/\s+/g, '');

describe('Kiali graph queries, rebuilt', () => {
  it.each([
    ['q1', 'inbound to the namespace', graphQuery([eq('reporter', 'destination'), eq('destination_workload_namespace', 'bookinfo')])],
    [
      'q0',
      'from outside into unknown workloads of the namespace',
      graphQuery([
        eq('reporter', 'source'),
        neq('source_workload_namespace', 'bookinfo'),
        eq('destination_workload_namespace', 'unknown'),
        eq('destination_workload', 'unknown'),
        re('destination_service', '^.+\\.bookinfo\\..+$'),
      ]),
    ],
  ])('%s (%s) equals Kiali after normalisation', (id, _what, expr) => {
    expect(withoutSpaces(render(expr))).toBe(canonical(kialiQuery(id)));
  });

  it('renders q1 in our own spelling', () => {
    const q1 = graphQuery([eq('reporter', 'destination'), eq('destination_workload_namespace', 'bookinfo')]);
    expect(render(q1)).toBe(
      'round(sum by (' +
        GROUP_BY.join(', ') +
        ') (rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"}[10m])) > 0, 0.001)',
    );
  });

  it('normalisation only moves the grouping clause', () => {
    expect(canonical('round(sum(rate(m{a="(b)"} [600s])) by (x,y) > 0,0.001)')).toBe(
      'round(sumby(x,y)(rate(m{a="(b)"}[10m]))>0,0.001)',
    );
  });
});
