// Which line of an object's YAML a finding's path points at, so the YAML view can mark and jump to it. Pure.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding, Severity } from '@/lib/mesh/istio/types';

/**
 * `spec.http[0].route[1].destination.subset` → `['spec', 'http', 0, 'route', 1, 'destination', 'subset']`.
 * Quoted brackets (`labels['app.kubernetes.io/name']`) hold keys with dots; undefined for an unreadable path.
 */
export function pathSegments(path: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  const token = /\.?([^.[\]]+)|\[(\d+)\]|\[(['"])(.*?)\3\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (!m || (at === 0 && m[0].startsWith('.'))) return undefined;
    segments.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[4] ?? '')));
    at = token.lastIndex;
  }
  return segments;
}

/** The node under `segment` of a map or sequence, with the offset its line starts at (a map entry's key). */
function child(node: unknown, segment: string | number): { node: unknown; offset: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    const key = pair?.key as Node | undefined;
    return pair && key?.range ? { node: pair.value, offset: key.range[0] } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item?.range ? { node: item, offset: item.range[0] } : undefined;
  }
  return undefined;
}

/**
 * The 1-based line each path points at: where its deepest part that exists in the YAML starts (a finding about a
 * missing field points at its parent). No entry for an empty or unreadable path, or YAML that does not parse.
 */
export function pathLines(yaml: string, paths: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  if (doc.errors.length > 0) return out;
  for (const path of new Set(paths)) {
    const segments = path ? pathSegments(path) : undefined;
    if (!segments) continue;
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const segment of segments) {
      const next = child(node, segment);
      if (!next) break;
      ({ node, offset } = next);
    }
    if (offset !== undefined) out.set(path, lineCounter.linePos(offset).line);
  }
  return out;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The lines to mark in the YAML view, each with the worst severity of the findings that point at it. */
export function findingMarks(findings: readonly Pick<Finding, 'path' | 'severity'>[], lines: ReadonlyMap<string, number>): Map<number, Severity> {
  const marks = new Map<number, Severity>();
  for (const f of findings) {
    const line = lines.get(f.path);
    if (line === undefined) continue;
    const current = marks.get(line);
    if (current === undefined || RANK[f.severity] > RANK[current]) marks.set(line, f.severity);
  }
  return marks;
}
