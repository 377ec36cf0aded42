// The one place PromQL is built and rendered: build an `Expr` from typed pieces, then `render` it.
export type {
  Aggregation,
  AggregationOp,
  ArithmeticOp,
  Binary,
  BinaryOp,
  Call,
  ComparisonOp,
  Expr,
  FunctionName,
  Grouping,
  InstantSelector,
  Matcher,
  MatchOp,
  NumberLiteral,
  RangeSelector,
  Selector,
  SetOp,
  StringLiteral,
  VectorMatching,
} from './ast';
export type { BinaryOptions, Operand } from './build';
export {
  add,
  aggregate,
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
  le,
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
export type { Duration } from './duration';
export { formatDuration, seconds } from './duration';
export { PromqlError } from './errors';
export { assertLabelName, assertMetricName, escapeRegex, isLabelName, quoteString } from './escape';
export { eq, neq, noneOf, nre, oneOf, re } from './matchers';
export { render } from './render';
