// Evaluates a parsed Find/Hide expression against graph nodes and edges; the rules are documented in
// ./find.ts. Pure: no I/O, no React.

import {
  edgeFieldValue,
  edgeHasFlag,
  fieldScope,
  flagScope,
  nodeFieldValue,
  nodeHasFlag,
  type FieldValue,
  type FindScope,
} from './find-fields';
import type { FindExpr } from './find-parse';
import type { CompareOp, FindValue } from './find-values';
import type { GraphEdge, GraphNode } from './types';

/** Which elements an expression can match: decided by the fields and flags it uses. */
export type FindTarget = 'none' | 'nodes' | 'edges' | 'both';

type Leaf = Extract<FindExpr, { type: 'compare' } | { type: 'flag' }>;

function leafScope(leaf: Leaf): FindScope {
  return leaf.type === 'compare' ? fieldScope(leaf.field) : flagScope(leaf.flag);
}

function collectScopes(expr: FindExpr, into: Set<FindScope>): void {
  switch (expr.type) {
    case 'empty':
      return;
    case 'or':
    case 'and':
      for (const operand of expr.operands) collectScopes(operand, into);
      return;
    case 'not':
      collectScopes(expr.operand, into);
      return;
    default:
      into.add(leafScope(expr));
  }
}

/** Which elements an expression applies to: edges if it names an edge field, else nodes if it names a node field. */
export function findTarget(expr: FindExpr): FindTarget {
  const scopes = new Set<FindScope>();
  collectScopes(expr, scopes);
  if (scopes.has('edge')) return 'edges';
  if (scopes.has('node')) return 'nodes';
  return scopes.has('both') ? 'both' : 'none';
}

function evaluate(expr: FindExpr, leaf: (l: Leaf) => boolean): boolean {
  switch (expr.type) {
    case 'empty':
      return false;
    case 'or':
      return expr.operands.some((operand) => evaluate(operand, leaf));
    case 'and':
      return expr.operands.every((operand) => evaluate(operand, leaf));
    case 'not':
      return !evaluate(expr.operand, leaf);
    default:
      return leaf(expr);
  }
}

function compareNumbers(actual: number, op: CompareOp, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    default:
      return false;
  }
}

function compareText(actual: string, op: CompareOp, expected: string): boolean {
  // Names typed on another keyboard may arrive decomposed (e + ◌́); compare the composed forms.
  const a = actual.normalize('NFC');
  switch (op) {
    case '=':
      return a === expected;
    case '!=':
      return a !== expected;
    case '~':
      return a.toLowerCase().includes(expected.toLowerCase());
    case '!~':
      return !a.toLowerCase().includes(expected.toLowerCase());
    default:
      return false;
  }
}

function codeMatches(code: string, pattern: string): boolean {
  return code.length === pattern.length && [...pattern].every((c, i) => c === 'x' || c === code[i]);
}

function compareCode(code: string, op: CompareOp, expected: FindValue): boolean {
  if (typeof expected === 'string') return op === '!=' ? !codeMatches(code, expected) : codeMatches(code, expected);
  // Non-numeric codes (a gRPC status name, "-") have no order, so no ordering comparison holds for them.
  return /^\d+$/.test(code) && compareNumbers(Number(code), op, expected);
}

function compareValue(actual: FieldValue, op: CompareOp, expected: FindValue): boolean {
  // An absent value (a service's version, a TCP edge's p99) fails every comparison, `!=` included.
  if (actual === undefined) return false;
  if (typeof actual === 'number') return typeof expected === 'number' && compareNumbers(actual, op, expected);
  if (typeof actual === 'string') return typeof expected === 'string' && compareText(actual, op, expected);
  // A set of response codes: the comparison holds when some code in it satisfies it.
  return actual.some((code) => compareCode(code, op, expected));
}

function nodeLeaf(leaf: Leaf, node: GraphNode): boolean {
  return leaf.type === 'compare'
    ? compareValue(nodeFieldValue(leaf.field, node), leaf.op, leaf.value)
    : nodeHasFlag(leaf.flag, node);
}

/** Whether a node matches; false for blank expressions and for expressions that name an edge field. */
export function matchNode(expr: FindExpr, node: GraphNode): boolean {
  const target = findTarget(expr);
  if (target !== 'nodes' && target !== 'both') return false;
  return evaluate(expr, (leaf) => nodeLeaf(leaf, node));
}

/**
 * Whether an edge matches; node-only conditions hold when they hold for its source or its target.
 * False for blank expressions and for expressions that name only node fields.
 */
export function matchEdge(expr: FindExpr, edge: GraphEdge, nodesById: ReadonlyMap<string, GraphNode>): boolean {
  const target = findTarget(expr);
  if (target !== 'edges' && target !== 'both') return false;
  const endpoints = [nodesById.get(edge.source), nodesById.get(edge.target)].filter(
    (n): n is GraphNode => n !== undefined,
  );
  return evaluate(expr, (leaf) => {
    if (leafScope(leaf) === 'node') return endpoints.some((n) => nodeLeaf(leaf, n));
    return leaf.type === 'compare'
      ? compareValue(edgeFieldValue(leaf.field, edge), leaf.op, leaf.value)
      : edgeHasFlag(leaf.flag, edge);
  });
}
