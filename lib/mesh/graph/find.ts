// The graph page's Find (highlight) and Hide (remove) expressions. Kiali parses these inside its graph
// component; here they are a pure module: ./find-parse.ts reads the text, ./find-eval.ts matches elements,
// ./find-fields.ts lists the fields and ./find-values.ts reads values. This file holds the grammar and the help.
//
// Grammar (keywords, field names, flags, units and enum values are case-insensitive):
//
//   expr       := and-expr { ("or" | "||") and-expr }          "and" binds tighter than "or"
//   and-expr   := unary { ("and" | "&&") unary }
//   unary      := ("not" | "!") unary | primary
//   primary    := "(" expr ")" | field op value | flag
//   op         := "=" | "==" | "!=" | ">" | ">=" | "<" | "<=" | "~" | "!~"     ~ is "contains, ignoring case"
//   value      := word | "double-quoted" | 'single-quoted'          backslash escapes inside quotes
//
// A word runs to whitespace, a quote, a parenthesis or one of = ! < > ~ & |, so `5%`, `250ms`, `reviews-v2`
// and `café` are single words. `and`, `or` and `not` are keywords; quote them to use them as values.
//
// Fields (canonical name, aliases) and how their values are written:
//   nodes  name (the app, workload or service name the node is labelled with), namespace/ns, cluster, app,
//          version, workload, service: text. nodeType/type: app|workload|service|unknown.
//          health: healthy|degraded|failure|na. inRps, outRps: requests per second.
//   edges  protocol/proto: http|grpc|tcp. p50, p95, p99: latency, a bare number is ms; units us/µs, ms, s, min.
//          mtls: share of traffic that was mutual TLS, 0–1. throughput: bytes/s; units B, kB, MB, GB, KiB,
//          MiB, GiB, optional "/s". code: the edge carried some traffic with that response code; `5xx`
//          matches any 5.. code, and > >= < <= compare codes as numbers.
//   both   rps (a node's inbound rate, an edge's rate; unit "rps" or "/s" optional),
//          errorRate/err (a node's inbound error share, an edge's): 0–1 or a percentage, `5%` = 0.05.
//          A share above 1 without "%" is refused, because it is almost always a forgotten "%".
// Flags: healthy, degraded, failure, root, outside (outside the selected namespaces), outofmesh (nodes);
//        mtls (all of the edge's traffic is mutual TLS), http, grpc, tcp (edges); idle (idle node, or an
//        edge with no traffic).
//
// Operators: text and enum fields take = != ~ !~; number and code fields take = != > >= < <=. `=` on text is
// exact (Kubernetes names are case-sensitive); enum values compare ignoring case. A comparison on a value
// the element does not have (a service node's version, a TCP edge's p99) is false whatever the operator,
// `!=` included: write `!(version = v1)` to include nodes without a version.
//
// Which elements an expression applies to is decided by the fields and flags it names:
//   - any edge-only field or flag → edges only. Node-only conditions in it are tested on the edge's
//     endpoints and hold when they hold for the source or the target: `ns = bookinfo and p99 > 1s` finds slow
//     edges touching bookinfo. Hence on an edge `ns != x` ("an endpoint is outside x") differs from
//     `!(ns = x)` ("no endpoint is in x").
//   - else any node-only field or flag → nodes only (a node expression never lights up edges; Hide removes
//     the edges of hidden nodes anyway).
//   - else (only rps, errorRate, idle) → nodes and edges, each read in its own way.
// Likewise `code`, which holds several codes per edge, holds when some code satisfies the comparison:
// `code != 200` finds edges with any non-200 response, `!(code = 200)` edges with no 200 response.
//
// Blank text parses to `{ type: 'empty' }`, which matches nothing (an empty Hide hides nothing).
// Errors carry a message naming what was expected and a `position`, the UTF-16 offset for a caret.

import { FIND_FIELDS, FIND_FLAGS, fieldAliases, fieldScope, type FindField, type FindScope } from './find-fields';

export { parseFind, type FindError, type FindExpr, type FindParseResult } from './find-parse';
export { findTarget, matchEdge, matchNode, type FindTarget } from './find-eval';
export { FIND_FIELDS, FIND_FLAGS, nodeDisplayName, type FindField, type FindFlag } from './find-fields';
export type { CompareOp, FindValue } from './find-values';

function fieldList(scope: FindScope): string {
  return FIND_FIELDS.filter((f) => fieldScope(f) === scope)
    .map((f: FindField) => [f, ...fieldAliases(f)].join('/'))
    .join(', ');
}

/** Short help for the Find/Hide boxes; field and flag lists come from the same table the parser uses. */
export const FIND_HELP: string = [
  'Conditions: field op value, or a flag. Combine with and / or (&&, ||), negate with not / !, group with ( ).',
  'and binds tighter than or. Operators: = != > >= < <= ~ (contains, any case) !~.',
  `Node fields: ${fieldList('node')}.`,
  `Edge fields: ${fieldList('edge')}.`,
  `Node and edge fields: ${fieldList('both')}.`,
  `Flags: ${FIND_FLAGS.join(', ')}.`,
  'Values: 10, 0.05, 5% (= 0.05), 250ms, 1s, 2MB, 5xx, "quoted text". = on text is exact.',
  'With an edge field or flag it matches edges (node conditions test either end); with a node one, nodes.',
  'Examples: rps > 10 and errorRate > 5%  ·  ns = bookinfo and version = v2  ·  p99 >= 1s  ·  !healthy',
].join('\n');
