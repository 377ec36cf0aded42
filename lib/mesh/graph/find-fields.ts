// The fields and flags the graph's Find/Hide expressions can name, with how each reads a node or an edge.
// One table, so the parser, the evaluator and the help text cannot drift apart. Pure: no I/O, no React.

import type { GraphEdge, GraphNode } from './types';

/** What a field holds; decides which operators it takes and how its value is written. */
export type FieldKind = 'text' | 'enum' | 'rate' | 'ratio' | 'duration' | 'bytes' | 'code';

/** Which elements a field or flag describes: nodes only, edges only, or both (each in its own way). */
export type FindScope = 'node' | 'edge' | 'both';

/** A field's value on one element; `undefined` when the element has no such value (a service's version). */
export type FieldValue = string | number | readonly string[] | undefined;

/** Every field, by canonical name. */
export const FIND_FIELDS = [
  'name',
  'namespace',
  'cluster',
  'app',
  'version',
  'workload',
  'service',
  'nodeType',
  'health',
  'inRps',
  'outRps',
  'rps',
  'errorRate',
  'protocol',
  'p50',
  'p95',
  'p99',
  'mtls',
  'throughput',
  'code',
] as const;
/** A field's canonical name, as the AST records it whatever alias or case was typed. */
export type FindField = (typeof FIND_FIELDS)[number];

/** Every bare flag. */
export const FIND_FLAGS = [
  'healthy',
  'degraded',
  'failure',
  'idle',
  'root',
  'outside',
  'outofmesh',
  'mtls',
  'http',
  'grpc',
  'tcp',
] as const;
/** A bare flag's canonical (lower-case) name. */
export type FindFlag = (typeof FIND_FLAGS)[number];

interface FieldDef {
  kind: FieldKind;
  scope: FindScope;
  /** Other spellings, lower-case. */
  aliases: readonly string[];
  /** The allowed values of an `enum` field, lower-case. */
  values?: readonly string[];
  node?: (n: GraphNode) => FieldValue;
  edge?: (e: GraphEdge) => FieldValue;
}

interface FlagDef {
  scope: FindScope;
  node?: (n: GraphNode) => boolean;
  edge?: (e: GraphEdge) => boolean;
}

/** The name a node is labelled with in the graph: its app, workload or service, by what the node is. */
export function nodeDisplayName(n: GraphNode): string {
  switch (n.nodeType) {
    case 'app':
      return n.app ?? n.workload ?? n.id;
    case 'workload':
      return n.workload ?? n.app ?? n.id;
    case 'service':
      return n.service ?? n.id;
    default:
      return n.workload ?? n.app ?? n.service ?? 'unknown';
  }
}

// mtlsShare is a ratio of two averaged rates, so "all of it" can land a rounding error below 1.
const MTLS_FULL = 1 - 1e-6;

const FIELD_DEFS: Record<FindField, FieldDef> = {
  name: { kind: 'text', scope: 'node', aliases: [], node: nodeDisplayName },
  namespace: { kind: 'text', scope: 'node', aliases: ['ns'], node: (n) => n.namespace },
  cluster: { kind: 'text', scope: 'node', aliases: [], node: (n) => n.cluster },
  app: { kind: 'text', scope: 'node', aliases: [], node: (n) => n.app },
  version: { kind: 'text', scope: 'node', aliases: [], node: (n) => n.version },
  workload: { kind: 'text', scope: 'node', aliases: [], node: (n) => n.workload },
  service: { kind: 'text', scope: 'node', aliases: [], node: (n) => n.service },
  nodeType: {
    kind: 'enum',
    scope: 'node',
    aliases: ['type'],
    values: ['app', 'workload', 'service', 'unknown'],
    node: (n) => n.nodeType,
  },
  health: {
    kind: 'enum',
    scope: 'node',
    aliases: [],
    values: ['healthy', 'degraded', 'failure', 'na'],
    node: (n) => n.health,
  },
  inRps: { kind: 'rate', scope: 'node', aliases: [], node: (n) => n.inRps },
  outRps: { kind: 'rate', scope: 'node', aliases: [], node: (n) => n.outRps },
  // On a node `rps` and `errorRate` read its inbound traffic, the same numbers the node's badge shows.
  rps: { kind: 'rate', scope: 'both', aliases: [], node: (n) => n.inRps, edge: (e) => e.rps },
  errorRate: {
    kind: 'ratio',
    scope: 'both',
    aliases: ['err'],
    node: (n) => n.inErrorRate,
    edge: (e) => e.errorRate,
  },
  protocol: {
    kind: 'enum',
    scope: 'edge',
    aliases: ['proto'],
    values: ['http', 'grpc', 'tcp'],
    edge: (e) => e.protocol,
  },
  p50: { kind: 'duration', scope: 'edge', aliases: [], edge: (e) => e.latencyMs?.p50 },
  p95: { kind: 'duration', scope: 'edge', aliases: [], edge: (e) => e.latencyMs?.p95 },
  p99: { kind: 'duration', scope: 'edge', aliases: [], edge: (e) => e.latencyMs?.p99 },
  mtls: { kind: 'ratio', scope: 'edge', aliases: [], edge: (e) => e.mtlsShare },
  throughput: { kind: 'bytes', scope: 'edge', aliases: [], edge: (e) => e.throughputBps },
  // A code counts only if some traffic carried it; a zero-rate entry is a series that went quiet.
  code: {
    kind: 'code',
    scope: 'edge',
    aliases: [],
    edge: (e) =>
      Object.entries(e.responseCodes)
        .filter(([, rate]) => rate > 0)
        .map(([code]) => code),
  },
};

const FLAG_DEFS: Record<FindFlag, FlagDef> = {
  healthy: { scope: 'node', node: (n) => n.health === 'healthy' },
  degraded: { scope: 'node', node: (n) => n.health === 'degraded' },
  failure: { scope: 'node', node: (n) => n.health === 'failure' },
  idle: { scope: 'both', node: (n) => n.isIdle === true, edge: (e) => e.rps === 0 },
  root: { scope: 'node', node: (n) => n.isRoot === true },
  outside: { scope: 'node', node: (n) => n.isOutsideNamespaces === true },
  outofmesh: { scope: 'node', node: (n) => n.isOutsideMesh === true },
  mtls: { scope: 'edge', edge: (e) => e.mtlsShare >= MTLS_FULL },
  http: { scope: 'edge', edge: (e) => e.protocol === 'http' },
  grpc: { scope: 'edge', edge: (e) => e.protocol === 'grpc' },
  tcp: { scope: 'edge', edge: (e) => e.protocol === 'tcp' },
};

const FIELD_BY_SPELLING = new Map<string, FindField>(
  FIND_FIELDS.flatMap((f) => [[f.toLowerCase(), f] as const, ...FIELD_DEFS[f].aliases.map((a) => [a, f] as const)]),
);
const FLAG_BY_SPELLING = new Map<string, FindFlag>(FIND_FLAGS.map((f) => [f, f]));

/** The field a typed word names (any case, any alias), if any. */
export function lookupField(word: string): FindField | undefined {
  return FIELD_BY_SPELLING.get(word.toLowerCase());
}

/** The flag a typed word names (any case), if any. */
export function lookupFlag(word: string): FindFlag | undefined {
  return FLAG_BY_SPELLING.get(word.toLowerCase());
}

/** A field's kind. */
export function fieldKind(field: FindField): FieldKind {
  return FIELD_DEFS[field].kind;
}

/** A field's aliases, lower-case. */
export function fieldAliases(field: FindField): readonly string[] {
  return FIELD_DEFS[field].aliases;
}

/** The allowed values of an enum field (empty for other kinds). */
export function fieldEnumValues(field: FindField): readonly string[] {
  return FIELD_DEFS[field].values ?? [];
}

/** Which elements a field describes. */
export function fieldScope(field: FindField): FindScope {
  return FIELD_DEFS[field].scope;
}

/** Which elements a flag describes. */
export function flagScope(flag: FindFlag): FindScope {
  return FLAG_DEFS[flag].scope;
}

/** A field's value on a node (`undefined` for edge-only fields and absent values). */
export function nodeFieldValue(field: FindField, n: GraphNode): FieldValue {
  return FIELD_DEFS[field].node?.(n);
}

/** A field's value on an edge itself (`undefined` for node-only fields and absent values). */
export function edgeFieldValue(field: FindField, e: GraphEdge): FieldValue {
  return FIELD_DEFS[field].edge?.(e);
}

/** Whether a flag holds for a node (always false for edge-only flags). */
export function nodeHasFlag(flag: FindFlag, n: GraphNode): boolean {
  return FLAG_DEFS[flag].node?.(n) ?? false;
}

/** Whether a flag holds for an edge itself (always false for node-only flags). */
export function edgeHasFlag(flag: FindFlag, e: GraphEdge): boolean {
  return FLAG_DEFS[flag].edge?.(e) ?? false;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The candidate closest to a mistyped word, if it is close enough to be a plausible typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  // Short words tolerate one slip; otherwise "rps" would be suggested for nearly any three letters.
  const limit = typed.length >= 5 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(typed, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
