// Tolerant readers over an object's unparsed `spec`, and the finding builder the rules share. Pure.
//
// The rules never trust a spec's shape: a field of the wrong type is reported once, by schema.ts, and every rule
// reads around it through these guards instead of throwing.

import type { IstioRef } from '../inventory/types';
import type { Finding, Severity } from './types';

/** The value as a plain object, or undefined. */
export function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The value as an array, or an empty one. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value as a string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The string entries of a label map (others dropped). */
export function labelMap(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(v) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A finding; `related` is left out when empty so clean objects compare equal in tests. */
export function finding(code: string, severity: Severity, message: string, path: string, related: IstioRef[] = []): Finding {
  return { code, severity, message, path, ...(related.length > 0 ? { related } : {}) };
}

/** `ns/name` of a ref, as messages name objects. */
export function nsName(ref: { namespace: string; name: string }): string {
  return `${ref.namespace}/${ref.name}`;
}
