// Turns the Find and Hide boxes' text into node and edge predicates, via the shared Find/Hide language
// (lib/mesh/graph/find.ts). Pure.

import { matchEdge, matchNode, parseFind } from '@/lib/mesh/graph/find';
import type { GraphNode } from '@/lib/mesh/graph/types';
import type { GraphPredicate } from './elements';

type ParseResult = ReturnType<typeof parseFind>;
type Expr = Extract<ParseResult, { ok: true }>['expr'];

/** A Find/Hide box's text: blank (no filter), a parsed expression, or a syntax error with its offset. */
export type CompiledFilter =
  | { kind: 'blank' }
  | { kind: 'expr'; expr: Expr }
  | { kind: 'error'; message: string; position: number };

/** Parses a Find/Hide text; blank text is no filter rather than an error. */
export function compileFilter(text: string): CompiledFilter {
  if (text.trim() === '') return { kind: 'blank' };
  const result = parseFind(text);
  return result.ok ? { kind: 'expr', expr: result.expr } : { kind: 'error', ...result.error };
}

/** Node and edge predicates for a parsed filter over a graph's nodes; none for blank or invalid text. */
export function filterPredicate(filter: CompiledFilter, nodes: readonly GraphNode[]): GraphPredicate | undefined {
  if (filter.kind !== 'expr') return undefined;
  const nodesById: ReadonlyMap<string, GraphNode> = new Map(nodes.map((n) => [n.id, n]));
  return {
    node: (n) => matchNode(filter.expr, n),
    edge: (e) => matchEdge(filter.expr, e, nodesById),
  };
}
