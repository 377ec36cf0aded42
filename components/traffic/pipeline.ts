// What a failed preview, apply or revert means for the user, from the API's error. Pure.

import { ApiError } from '@/lib/api/fetch-json';
import type { DiffHunk } from '@/lib/mesh/diff/line-diff';
import type { FieldError, ObjectChange } from '@/lib/mesh/traffic/types';

/** One diff to show, named by what it is of. */
export interface NamedDiff {
  label: string;
  hunks: DiffHunk[];
}

export type PipelineProblem =
  /** 400: values the server refused, each at its field. */
  | { kind: 'fields'; message: string; fields: FieldError[] }
  /** 403: Kubernetes' RBAC said no. */
  | { kind: 'forbidden'; message: string; detail: string }
  /** 409: an object changed since it was read; nothing was written. */
  | { kind: 'conflict'; message: string; diffs: NamedDiff[] }
  /** 422: the API server refused the objects (its words), or the VirtualService is beyond the form. */
  | { kind: 'refused'; message: string; unsupported: string[] }
  | { kind: 'other'; message: string };

const isHunks = (x: unknown): x is DiffHunk[] => Array.isArray(x) && x.every((h) => h !== null && typeof h === 'object' && Array.isArray((h as DiffHunk).lines));

function conflictDiffs(details: unknown): NamedDiff[] {
  const d = (details ?? {}) as { diff?: unknown; changes?: unknown };
  // Per object when the server says which; one diff otherwise.
  if (Array.isArray(d.changes)) {
    const named = (d.changes as Partial<ObjectChange>[]).filter((c) => isHunks(c.diff) && c.diff.length > 0);
    if (named.length > 0) return named.map((c) => ({ label: `What differs in ${c.kind} ${c.name}`, hunks: c.diff as DiffHunk[] }));
  }
  return isHunks(d.diff) && d.diff.length > 0 ? [{ label: 'What differs from the live objects', hunks: d.diff }] : [];
}

function fieldsOf(details: unknown): FieldError[] {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldError => typeof f?.field === 'string' && typeof f?.message === 'string');
}

function unsupportedOf(details: unknown): string[] {
  const reasons = (details as { unsupported?: unknown } | undefined)?.unsupported;
  return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
}

/** The problem an error of the traffic pipeline stands for, worded for a user changing `namespace`. */
export function describeProblem(error: unknown, namespace: string): PipelineProblem {
  if (!(error instanceof ApiError)) return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  switch (error.status) {
    case 400:
      return { kind: 'fields', message: error.message, fields: fieldsOf(error.details) };
    case 403:
      return {
        kind: 'forbidden',
        message: `Kubernetes says you may not change VirtualServices or DestinationRules in ${namespace}. Ask for the update permission on them (networking.istio.io) in that namespace.`,
        detail: error.message,
      };
    case 409:
      return { kind: 'conflict', message: error.message, diffs: conflictDiffs(error.details) };
    case 422:
      return { kind: 'refused', message: error.message, unsupported: unsupportedOf(error.details) };
    default:
      return { kind: 'other', message: error.message };
  }
}

/** A server problem's field errors placed at the form's fields (through `fieldOf`); none for other problems. */
export function serverFieldErrors(problem: PipelineProblem | undefined, fieldOf: (path: string) => string): FieldError[] {
  return problem?.kind === 'fields' ? problem.fields.map((f) => ({ field: fieldOf(f.field), message: f.message })) : [];
}

const ACTION_TEXT: Record<ObjectChange['action'], string> = { create: 'would be created', update: 'would be updated', delete: 'would be deleted', unchanged: 'stays as it is' };
const DONE_TEXT: Record<ObjectChange['action'], string> = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'unchanged' };

/** "VirtualService reviews would be updated" (dry run) or "VirtualService reviews: updated". */
export function changeHeading(change: Pick<ObjectChange, 'kind' | 'name' | 'action'>, dryRun: boolean): string {
  return dryRun ? `${change.kind} ${change.name} ${ACTION_TEXT[change.action]}` : `${change.kind} ${change.name}: ${DONE_TEXT[change.action]}`;
}
