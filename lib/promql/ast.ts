import type { Duration } from './duration';

/** A label-matching operator: exact (`=`, `!=`) or fully anchored RE2 regex (`=~`, `!~`). */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One label matcher. `value` is raw (unquoted); for regex operators it is the regex source. */
export interface Matcher {
  readonly label: string;
  readonly op: MatchOp;
  readonly value: string;
}

/** A number literal; rendered as `0.001`, `1e-7`, `NaN`, `Inf`, `-Inf`. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
}

/** A string literal, only used as a function argument (e.g. in `label_replace`). */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
}

/** An instant-vector selector (`range` absent) or range-vector selector, with optional `@` and `offset` modifiers. */
export interface Selector {
  readonly kind: 'selector';
  readonly metric: string;
  readonly matchers: readonly Matcher[];
  readonly range?: Duration;
  /** Evaluation time in Unix seconds (`@ 1700000000`). */
  readonly at?: number;
  readonly offset?: Duration;
}

/** A selector with a range (`m{…}[5m]`), the argument of `rate`, `irate` and `increase`. */
export interface RangeSelector extends Selector {
  readonly range: Duration;
}

/** A selector without a range (`m{…}`). */
export interface InstantSelector extends Selector {
  readonly range?: undefined;
}

/** The PromQL functions this module can build. */
export type FunctionName =
  | 'rate'
  | 'irate'
  | 'increase'
  | 'histogram_quantile'
  | 'round'
  | 'clamp_min'
  | 'label_replace'
  | 'vector';

/** A function call. */
export interface Call {
  readonly kind: 'call';
  readonly fn: FunctionName;
  readonly args: readonly (Expr | StringLiteral)[];
}

/** The aggregation operators this module can build (those without a parameter). */
export type AggregationOp = 'sum' | 'min' | 'max' | 'avg' | 'count' | 'group';

/** `by (…)` keeps only the listed labels; `without (…)` drops them. */
export type Grouping = { readonly by: readonly string[] } | { readonly without: readonly string[] };

/** An aggregation such as `sum by (a) (expr)`. */
export interface Aggregation {
  readonly kind: 'aggregation';
  readonly op: AggregationOp;
  readonly expr: Expr;
  readonly grouping?: Grouping;
}

/** Arithmetic binary operators. */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
/** Comparison binary operators; they filter unless `bool` is set. */
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
/** Set binary operators (vector only). */
export type SetOp = 'and' | 'or' | 'unless';
/** Every binary operator. */
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp;

/** Vector matching of a binary operation: `on (…)` or `ignoring (…)`. */
export type VectorMatching = { readonly on: readonly string[] } | { readonly ignoring: readonly string[] };

/** A binary operation. */
export interface Binary {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** Comparison returns 0/1 instead of filtering (`> bool`). */
  readonly bool?: boolean;
  readonly matching?: VectorMatching;
}

/** Any PromQL expression this module can build. */
export type Expr = NumberLiteral | Selector | Call | Aggregation | Binary;
