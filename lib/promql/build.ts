import type {
  AggregationOp,
  Aggregation,
  ArithmeticOp,
  Binary,
  BinaryOp,
  Call,
  ComparisonOp,
  Expr,
  Grouping,
  InstantSelector,
  Matcher,
  NumberLiteral,
  RangeSelector,
  Selector,
  SetOp,
  VectorMatching,
} from './ast';
import type { Duration } from './duration';
import { seconds } from './duration';
import { PromqlError } from './errors';
import { assertLabelName, assertMetricName } from './escape';

/** An operand of a binary operator: an expression, or a plain number standing for a number literal. */
export type Operand = Expr | number;

/** Options of a binary operation: `bool` (comparisons only) and vector matching. */
export interface BinaryOptions {
  readonly bool?: boolean;
  readonly matching?: VectorMatching;
}

const COMPARISON_OPS: ReadonlySet<BinaryOp> = new Set<ComparisonOp>(['==', '!=', '>', '<', '>=', '<=']);
const SET_OPS: ReadonlySet<BinaryOp> = new Set<SetOp>(['and', 'or', 'unless']);

/** A number literal. */
export function num(value: number): NumberLiteral {
  return { kind: 'number', value };
}

function operand(x: Operand): Expr {
  return typeof x === 'number' ? num(x) : x;
}

function labels(names: readonly string[]): readonly string[] {
  return names.map(assertLabelName);
}

function assertFinite(what: string, value: number): number {
  if (!Number.isFinite(value)) throw new PromqlError(`${what} must be a finite number, got ${String(value)}`);
  return value;
}

/** `metric{matchers}`: an instant-vector selector. */
export function selector(metric: string, matchers?: readonly Matcher[]): InstantSelector;
/** `metric{matchers}[range]`: a range-vector selector. */
export function selector(metric: string, matchers: readonly Matcher[], range: Duration): RangeSelector;
/** `metric{matchers}` or, with a range, `metric{matchers}[range]`. */
export function selector(metric: string, matchers: readonly Matcher[] = [], range?: Duration): Selector {
  for (const m of matchers) assertLabelName(m.label);
  const base = { kind: 'selector' as const, metric: assertMetricName(metric), matchers: [...matchers] };
  return range === undefined ? base : { ...base, range: seconds(range.seconds) };
}

/** Adds `@ <unixSeconds>` to a selector: evaluate it at a fixed past time (e.g. the request's `queryTime`). */
export function at<S extends Selector>(sel: S, unixSeconds: number): S {
  return { ...sel, at: assertFinite('@ time', unixSeconds) };
}

/** Adds `offset <d>` to a selector: look `d` further into the past. */
export function offset<S extends Selector>(sel: S, d: Duration): S {
  return { ...sel, offset: seconds(d.seconds) };
}

function rangeCall(fn: 'rate' | 'irate' | 'increase', sel: RangeSelector): Call {
  if (sel.kind !== 'selector' || sel.range === undefined) throw new PromqlError(`${fn}() needs a range selector such as m[5m]`);
  return { kind: 'call', fn, args: [sel] };
}

/** `rate(m[5m])`: per-second average rate of a counter. */
export function rate(sel: RangeSelector): Call {
  return rangeCall('rate', sel);
}

/** `irate(m[5m])`: per-second rate from the last two samples. */
export function irate(sel: RangeSelector): Call {
  return rangeCall('irate', sel);
}

/** `increase(m[5m])`: a counter's increase over the range. */
export function increase(sel: RangeSelector): Call {
  return rangeCall('increase', sel);
}

/** `histogram_quantile(q, expr)`, `q` in [0, 1]; `expr` must keep the `le` label. */
export function histogramQuantile(q: number, expr: Expr): Call {
  if (!(q >= 0 && q <= 1)) throw new PromqlError(`quantile must be within [0, 1], got ${String(q)}`);
  return { kind: 'call', fn: 'histogram_quantile', args: [num(q), expr] };
}

/** `round(expr)` or `round(expr, to)`: round to the nearest multiple of `to`. */
export function round(expr: Expr, to?: number): Call {
  const args = to === undefined ? [expr] : [expr, num(assertFinite('round() step', to))];
  return { kind: 'call', fn: 'round', args };
}

/** `clamp_min(expr, min)`. */
export function clampMin(expr: Expr, min: number): Call {
  return { kind: 'call', fn: 'clamp_min', args: [expr, num(assertFinite('clamp_min() bound', min))] };
}

/** `vector(value)`: a one-sample vector without labels, typically for `… or vector(0)`. */
export function vector(value: number): Call {
  return { kind: 'call', fn: 'vector', args: [num(value)] };
}

/** `label_replace(expr, "dst", "replacement", "src", "regex")`; `regex` is trusted RE2 source, fully anchored. */
export function labelReplace(expr: Expr, dst: string, replacement: string, src: string, regex: string): Call {
  const str = (value: string) => ({ kind: 'string' as const, value });
  return {
    kind: 'call',
    fn: 'label_replace',
    args: [expr, str(assertLabelName(dst)), str(replacement), str(assertLabelName(src)), str(regex)],
  };
}

/** `op by (…) (expr)`, `op without (…) (expr)` or `op(expr)`. */
export function aggregate(op: AggregationOp, expr: Expr, grouping?: Grouping): Aggregation {
  if (grouping === undefined) return { kind: 'aggregation', op, expr };
  const checked: Grouping = 'by' in grouping ? { by: labels(grouping.by) } : { without: labels(grouping.without) };
  return { kind: 'aggregation', op, expr, grouping: checked };
}

/** `sum(expr)`: sum over every series. */
export function sum(expr: Expr): Aggregation {
  return aggregate('sum', expr);
}

/** `sum by (labels) (expr)`. */
export function sumBy(by: readonly string[], expr: Expr): Aggregation {
  return aggregate('sum', expr, { by });
}

/** `sum without (labels) (expr)`. */
export function sumWithout(without: readonly string[], expr: Expr): Aggregation {
  return aggregate('sum', expr, { without });
}

/** `max by (labels) (expr)`. */
export function maxBy(by: readonly string[], expr: Expr): Aggregation {
  return aggregate('max', expr, { by });
}

/** `count by (labels) (expr)`. */
export function countBy(by: readonly string[], expr: Expr): Aggregation {
  return aggregate('count', expr, { by });
}

/** `lhs op rhs`, checking the combinations Prometheus would reject. */
export function binary(op: BinaryOp, lhs: Operand, rhs: Operand, options: BinaryOptions = {}): Binary {
  const l = operand(lhs);
  const r = operand(rhs);
  const scalars = l.kind === 'number' || r.kind === 'number';
  if (options.bool && !COMPARISON_OPS.has(op)) throw new PromqlError(`bool is only allowed on comparisons, not ${op}`);
  if (SET_OPS.has(op) && scalars) throw new PromqlError(`${op} needs vectors on both sides, not a number`);
  if (COMPARISON_OPS.has(op) && l.kind === 'number' && r.kind === 'number' && !options.bool) {
    throw new PromqlError(`comparing two numbers with ${op} needs bool`);
  }
  const node: Binary = { kind: 'binary', op, lhs: l, rhs: r, ...(options.bool ? { bool: true } : {}) };
  const m = options.matching;
  if (m === undefined) return node;
  if (scalars) throw new PromqlError('on/ignoring needs vectors on both sides, not a number');
  return { ...node, matching: 'on' in m ? { on: labels(m.on) } : { ignoring: labels(m.ignoring) } };
}

const arithmetic =
  (op: ArithmeticOp) =>
  (lhs: Operand, rhs: Operand, matching?: VectorMatching): Binary =>
    binary(op, lhs, rhs, { matching });
const comparison =
  (op: ComparisonOp) =>
  (lhs: Operand, rhs: Operand, options?: BinaryOptions): Binary =>
    binary(op, lhs, rhs, options);
const setOperation =
  (op: SetOp) =>
  (lhs: Expr, rhs: Expr, matching?: VectorMatching): Binary =>
    binary(op, lhs, rhs, { matching });

/** `lhs + rhs`. */
export const add = arithmetic('+');
/** `lhs - rhs`. */
export const sub = arithmetic('-');
/** `lhs * rhs`. */
export const mul = arithmetic('*');
/** `lhs / rhs`. */
export const div = arithmetic('/');
/** `lhs > rhs` (filters), or `lhs > bool rhs` with `{ bool: true }`. */
export const gt = comparison('>');
/** `lhs >= rhs`. */
export const ge = comparison('>=');
/** `lhs < rhs`. */
export const lt = comparison('<');
/** `lhs <= rhs`. */
export const le = comparison('<=');
/** `lhs and rhs`: series of `lhs` that have a match in `rhs`. */
export const and = setOperation('and');
/** `lhs or rhs`: `lhs`, plus the series of `rhs` without a match in `lhs`. */
export const or = setOperation('or');
/** `lhs unless rhs`: series of `lhs` without a match in `rhs`. */
export const unless = setOperation('unless');
