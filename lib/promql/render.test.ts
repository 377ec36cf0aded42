import { describe, expect, it } from 'vitest';
import type { Expr, RangeSelector } from './ast';
import {
  add,
  and,
  at,
  binary,
  clampMin,
  countBy,
  div,
  ge,
  gt,
  histogramQuantile,
  increase,
  irate,
  labelReplace,
  lt,
  maxBy,
  mul,
  num,
  offset,
  or,
  rate,
  round,
  selector,
  sub,
  sum,
  sumBy,
  sumWithout,
  unless,
  vector,
} from './build';
import { seconds } from './duration';
import { PromqlError } from './errors';
import { eq, neq, oneOf } from './matchers';
import { render } from './render';

const a = selector('a');
const b = selector('b');
const c = selector('c');
const m5 = selector('m', [], seconds(300));
const requests = (reporter: string) => selector('istio_requests_total', [eq('reporter', reporter)], seconds(300));

describe('render: atoms', () => {
  it.each<[string, Expr, string]>([
    ['bare metric', a, 'a'],
    ['matchers', selector('up', [eq('job', 'x'), neq('ns', 'y')]), 'up{job="x",ns!="y"}'],
    ['range', m5, 'm[5m]'],
    ['offset', offset(m5, seconds(300)), 'm[5m] offset 5m'],
    ['@ time', at(selector('m', [eq('a', 'b')]), 1_700_000_000), 'm{a="b"} @ 1700000000'],
    ['@ then offset', offset(at(m5, 1_700_000_000.5), seconds(86_400)), 'm[5m] @ 1700000000.5 offset 1d'],
    ['number', num(0.001), '0.001'],
    ['small number', num(1e-7), '1e-7'],
    ['NaN', num(Number.NaN), 'NaN'],
    ['Inf', num(Number.POSITIVE_INFINITY), 'Inf'],
    ['-Inf', num(Number.NEGATIVE_INFINITY), '-Inf'],
  ])('%s → %s', (_name, expr, expected) => {
    expect(render(expr)).toBe(expected);
  });
});

describe('render: functions and aggregations', () => {
  it.each<[string, Expr, string]>([
    ['rate', rate(m5), 'rate(m[5m])'],
    ['irate', irate(m5), 'irate(m[5m])'],
    ['increase', increase(m5), 'increase(m[5m])'],
    ['sum', sum(a), 'sum(a)'],
    ['sum by', sumBy(['x'], rate(m5)), 'sum by (x) (rate(m[5m]))'],
    ['sum without', sumWithout(['instance', 'pod'], a), 'sum without (instance, pod) (a)'],
    ['sum by ()', sumBy([], a), 'sum by () (a)'],
    ['max by', maxBy(['le'], a), 'max by (le) (a)'],
    ['count by', countBy(['app', 'version'], a), 'count by (app, version) (a)'],
    [
      'histogram_quantile',
      histogramQuantile(
        0.95,
        sumBy(
          ['le', 'destination_workload'],
          rate(selector('istio_request_duration_milliseconds_bucket', [eq('reporter', 'destination')], seconds(300))),
        ),
      ),
      'histogram_quantile(0.95, sum by (le, destination_workload) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))',
    ],
    ['round', round(a), 'round(a)'],
    ['round to', round(gt(a, 0), 0.001), 'round(a > 0, 0.001)'],
    ['clamp_min', clampMin(a, 1), 'clamp_min(a, 1)'],
    ['vector', or(sum(a), vector(0)), 'sum(a) or vector(0)'],
    [
      'label_replace',
      labelReplace(a, 'svc', '$1', 'destination_service', '([^.]+)\\..*'),
      'label_replace(a, "svc", "$1", "destination_service", "([^.]+)\\\\..*")',
    ],
  ])('%s → %s', (_name, expr, expected) => {
    expect(render(expr)).toBe(expected);
  });
});

describe('render: binary operators and precedence', () => {
  it.each<[string, Expr, string]>([
    ['a / b > 0', gt(div(a, b), 0), 'a / b > 0'],
    ['(a + b) * c', mul(add(a, b), c), '(a + b) * c'],
    ['a + b * c', add(a, mul(b, c)), 'a + b * c'],
    ['a - b - c', sub(sub(a, b), c), 'a - b - c'],
    ['a - (b - c)', sub(a, sub(b, c)), 'a - (b - c)'],
    ['a / (b * c)', div(a, mul(b, c)), 'a / (b * c)'],
    ['(a ^ b) ^ c', binary('^', binary('^', a, b), c), '(a ^ b) ^ c'],
    ['a ^ b ^ c', binary('^', a, binary('^', b, c)), 'a ^ b ^ c'],
    ['(a > 0) + b', add(gt(a, 0), b), '(a > 0) + b'],
    ['bool', gt(a, 0, { bool: true }), 'a > bool 0'],
    ['bool on', ge(a, b, { bool: true, matching: { on: ['x'] } }), 'a >= bool on (x) b'],
    ['ignoring', div(a, b, { ignoring: ['response_code'] }), 'a / ignoring (response_code) b'],
    ['negative literal', mul(a, -1), 'a * -1'],
    ['negative under ^', binary('^', num(-1), num(2)), '(-1) ^ 2'],
    ['two numbers with bool', lt(num(1), num(2), { bool: true }), '1 < bool 2'],
    ['or of two sums', or(sumBy(['x'], rate(requests('destination'))), sumBy(['x'], rate(requests('source')))),
      'sum by (x) (rate(istio_requests_total{reporter="destination"}[5m])) or sum by (x) (rate(istio_requests_total{reporter="source"}[5m]))'],
    ['a or b and c', or(a, and(b, c)), 'a or b and c'],
    ['(a or b) and c', and(or(a, b), c), '(a or b) and c'],
    ['unless on', unless(a, b, { on: ['pod'] }), 'a unless on (pod) b'],
    ['comparison under and', and(gt(a, 0), b), 'a > 0 and b'],
    [
      'error ratio',
      div(
        sumBy(['destination_workload'], rate(selector('istio_requests_total', [oneOf('response_code', ['500', '503'])], seconds(60)))),
        sumBy(['destination_workload'], rate(selector('istio_requests_total', [], seconds(60)))),
      ),
      'sum by (destination_workload) (rate(istio_requests_total{response_code=~"500|503"}[1m])) / sum by (destination_workload) (rate(istio_requests_total[1m]))',
    ],
  ])('%s → %s', (_name, expr, expected) => {
    expect(render(expr)).toBe(expected);
  });
});

describe('rejected combinations', () => {
  it.each<[string, () => unknown]>([
    ['bool on arithmetic', () => binary('+', a, b, { bool: true })],
    ['set operator with a number', () => binary('or', a, 1)],
    ['numbers compared without bool', () => gt(num(1), 2)],
    ['on with a number', () => div(a, 2, { on: ['x'] })],
    ['invalid grouping label', () => sumBy(['le', 'bad-label'], a)],
    ['invalid matching label', () => div(a, b, { on: ['x y'] })],
    ['invalid metric', () => selector('bad metric')],
    ['quantile above 1', () => histogramQuantile(1.5, a)],
    ['quantile NaN', () => histogramQuantile(Number.NaN, a)],
    ['@ Infinity', () => at(a, Number.POSITIVE_INFINITY)],
    ['rate of an instant selector', () => rate(a as unknown as RangeSelector)],
    ['label_replace bad dst', () => labelReplace(a, 'a-b', '', 'src', '.*')],
  ])('%s throws', (_name, build) => {
    expect(build).toThrow(PromqlError);
  });

  it('render re-checks names in a hand-built AST', () => {
    const forged: Expr = { kind: 'aggregation', op: 'sum', expr: a, grouping: { by: ['x) (up) or sum by (y'] } };
    expect(() => render(forged)).toThrow(/invalid label name/);
  });
});
