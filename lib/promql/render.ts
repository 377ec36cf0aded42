import type { BinaryOp, Expr, Grouping, Matcher, Selector, StringLiteral, VectorMatching } from './ast';
import { formatDuration } from './duration';
import { PromqlError } from './errors';
import { assertLabelName, assertMetricName, quoteString } from './escape';

// PromQL binary precedence, loosest first; `^` is the only right-associative operator.
const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '>': 3,
  '<': 3,
  '>=': 3,
  '<=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  '^': 6,
};
// A negative literal is a unary minus: tighter than `*`, looser than `^` (`-1 ^ 2` is `-(1 ^ 2)`).
const UNARY = 5.5;
const ATOM = 7;

function precedence(e: Expr): number {
  if (e.kind === 'binary') return PRECEDENCE[e.op];
  if (e.kind === 'number' && e.value < 0) return UNARY;
  return ATOM;
}

function renderNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

function labelList(names: readonly string[]): string {
  return '(' + names.map(assertLabelName).join(', ') + ')';
}

function renderMatcher(m: Matcher): string {
  return assertLabelName(m.label) + m.op + quoteString(m.value);
}

function renderSelector(s: Selector): string {
  let out = assertMetricName(s.metric);
  if (s.matchers.length > 0) out += '{' + s.matchers.map(renderMatcher).join(',') + '}';
  if (s.range !== undefined) out += '[' + formatDuration(s.range) + ']';
  if (s.at !== undefined) out += ' @ ' + renderNumber(s.at);
  if (s.offset !== undefined) out += ' offset ' + formatDuration(s.offset);
  return out;
}

function renderGrouping(g: Grouping): string {
  return 'by' in g ? 'by ' + labelList(g.by) : 'without ' + labelList(g.without);
}

function renderMatching(m: VectorMatching): string {
  return 'on' in m ? 'on ' + labelList(m.on) : 'ignoring ' + labelList(m.ignoring);
}

function renderArg(a: Expr | StringLiteral): string {
  return a.kind === 'string' ? quoteString(a.value) : render(a);
}

function renderOperand(e: Expr, parenthesize: boolean): string {
  return parenthesize ? '(' + render(e) + ')' : render(e);
}

/**
 * Renders an expression as PromQL text. The output is deterministic (labels and matchers keep the order they were
 * given) and has parentheses only where precedence requires them. Format:
 *
 * - selectors: `m{a="x",b=~"y|z"}[5m] @ 1700000000 offset 1h` (matchers joined by `,` without a space; durations
 *   in the largest whole unit; values always double-quoted and escaped)
 * - functions: `histogram_quantile(0.95, sum by (le) (rate(m[5m])))` (arguments joined by `, `)
 * - aggregations: grouping before the argument, `sum by (a, b) (expr)`, `sum without (a) (expr)`, `sum(expr)`
 * - binary operators: one space either side, modifiers after the operator: `a / on (x) b`, `a > bool 0`;
 *   `a / b > 0` needs no parentheses, `(a + b) * c` does, as does a same-precedence right operand `a - (b - c)`
 *
 * Every label and metric name is validated again here, so a hand-built AST cannot smuggle text in either.
 */
export function render(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return renderNumber(e.value);
    case 'selector':
      return renderSelector(e);
    case 'call':
      return e.fn + '(' + e.args.map(renderArg).join(', ') + ')';
    case 'aggregation': {
      const grouping = e.grouping === undefined ? '' : ' ' + renderGrouping(e.grouping) + ' ';
      return e.op + grouping + '(' + render(e.expr) + ')';
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const rightAssoc = e.op === '^';
      const lhs = renderOperand(e.lhs, precedence(e.lhs) < p || (rightAssoc && precedence(e.lhs) === p));
      const rhs = renderOperand(e.rhs, precedence(e.rhs) < p || (!rightAssoc && precedence(e.rhs) === p));
      const modifiers = (e.bool ? ' bool' : '') + (e.matching === undefined ? '' : ' ' + renderMatching(e.matching));
      return lhs + ' ' + e.op + modifiers + ' ' + rhs;
    }
    default: {
      const unknown: never = e;
      throw new PromqlError(`cannot render ${JSON.stringify(unknown)}`);
    }
  }
}
