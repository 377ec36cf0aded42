import 'server-only';
import { AppError } from './errors';
import { readableYaml, REFUSALS } from './istio-edit-service';
import { readIstioObject } from './k8s/istio-config';
import { createIstioObject, deleteIstioObject, replaceIstioObject, type WriteOutcome } from './k8s/istio-write';
import { diffHunks, diffLines, type DiffHunk } from './mesh/diff/line-diff';
import { list, record, str } from './mesh/istio/read';
import { withoutMetadata } from './mesh/istio/server-fields';
import type { ObjectChange } from './mesh/traffic/types';

// The write half of the traffic pipeline, shared by edits and reverts: every object is dry-run on the API server
// before any is written, the writes go in an order that never routes a request to a subset that does not exist
// yet, and a write refused half-way undoes the ones before it.

/** One object a traffic change touches: how it is now (`live`) and how it should be (`target`, absent: deleted). */
export interface PlannedWrite {
  kind: ObjectChange['kind'];
  namespace: string;
  name: string;
  action: ObjectChange['action'];
  live?: Record<string, unknown>;
  target?: Record<string, unknown>;
}

/** A planned write with what the API server stored (or would store); `stored` is absent for a delete. */
export interface DoneWrite extends PlannedWrite {
  stored?: Record<string, unknown>;
}

/** The resourceVersion of a raw object. */
export function versionOf(raw: Record<string, unknown> | undefined): string | undefined {
  return str(record(raw?.metadata)?.resourceVersion);
}

// managedFields sent back in a replace would overwrite the server's record of who owns which field.
function withVersion(raw: Record<string, unknown>, resourceVersion: string | undefined): Record<string, unknown> {
  const { managedFields: _dropped, ...metadata } = record(raw.metadata) ?? {};
  return { ...raw, metadata: { ...metadata, resourceVersion } };
}

/** `ns/name` of the object as messages name it. */
export const label = (w: PlannedWrite) => `${w.kind} ${w.namespace}/${w.name}`;

const yamlOf = (raw: Record<string, unknown> | undefined) => (raw ? readableYaml(raw) : '');

/** The diff of the live object against the target, as the answer and a 409 show it. */
export function diffOf(live: Record<string, unknown> | undefined, target: Record<string, unknown> | undefined): DiffHunk[] {
  return diffHunks(diffLines(yamlOf(live), yamlOf(target)));
}

function subsetNames(dr: Record<string, unknown> | undefined): Set<string> {
  return new Set(list(record(dr?.spec)?.subsets).flatMap((s) => str(record(s)?.name) ?? []));
}

/**
 * The writes in a safe order: the DestinationRule first when it gains subsets (the VirtualService may route to
 * them), otherwise the VirtualService first (it may stop routing to subsets the rule loses). Unchanged ones are left out.
 */
export function orderWrites(writes: readonly PlannedWrite[]): PlannedWrite[] {
  const dr = writes.find((w) => w.kind === 'DestinationRule');
  const before = subsetNames(dr?.live);
  const gains = [...subsetNames(dr?.target)].some((s) => !before.has(s));
  const rank = (w: PlannedWrite) => (w.kind === 'DestinationRule' ? (gains ? 0 : 1) : gains ? 1 : 0);
  return writes.filter((w) => w.action !== 'unchanged').sort((a, b) => rank(a) - rank(b));
}

function send(w: PlannedWrite, dryRun: boolean): Promise<WriteOutcome> {
  const version = versionOf(w.live);
  if (w.action === 'create' && w.target) return createIstioObject(w.kind, w.namespace, w.target, dryRun);
  if (w.action === 'update' && w.target) return replaceIstioObject(w.kind, w.namespace, w.name, withVersion(w.target, version), dryRun);
  if (w.action === 'delete' && version !== undefined) return deleteIstioObject(w.kind, w.namespace, w.name, version, dryRun);
  throw new AppError('internal', `${label(w)}: nothing to ${w.action}`);
}

/**
 * The refusal as the user should see it; `written` says what happened to the writes before it. A 409 carries the
 * object as it is now and the diff to what was wanted.
 */
async function refusal(w: PlannedWrite, outcome: Extract<WriteOutcome, { ok: false }>, dryRun: boolean, written = 'nothing was written'): Promise<AppError> {
  const code = REFUSALS[outcome.status] ?? 'invalid';
  if (code !== 'conflict') return new AppError(code, `The Kubernetes API server refused the ${dryRun ? 'dry run' : 'change'} of ${label(w)} (${written}): ${outcome.message}`);
  const now = await readIstioObject(w.kind, w.namespace, w.name);
  const what = !now ? 'was deleted by someone else' : w.live ? `was changed by someone else (now at resourceVersion ${versionOf(now)})` : 'was created by someone else';
  return new AppError('conflict', `${label(w)} ${what}; ${written}. Review the differences and apply again.`, {
    resourceVersion: versionOf(now),
    diff: diffOf(now, w.target),
  });
}

/** Puts back one object written a moment ago; a failure is reported, never thrown over the original refusal. */
async function undo(w: DoneWrite): Promise<boolean> {
  const stored = versionOf(w.stored);
  let outcome: WriteOutcome;
  if (w.action === 'create' && stored) outcome = await deleteIstioObject(w.kind, w.namespace, w.name, stored, false);
  else if (w.action === 'update' && w.live) outcome = await replaceIstioObject(w.kind, w.namespace, w.name, withVersion(withoutMetadata(w.live), stored), false);
  else if (w.action === 'delete' && w.live) outcome = await createIstioObject(w.kind, w.namespace, withoutMetadata(w.live), false);
  else return false;
  return outcome.ok;
}

/**
 * Dry-runs every write on the API server, then (unless `dryRun`) makes them in order. A refusal of the dry run
 * writes nothing; a refusal of a later write undoes the earlier ones and says whether that worked.
 */
export async function runWrites(writes: readonly PlannedWrite[], dryRun: boolean): Promise<DoneWrite[]> {
  const ordered = orderWrites(writes);
  const checked: DoneWrite[] = [];
  for (const w of ordered) {
    const outcome = await send(w, true);
    if (!outcome.ok) throw await refusal(w, outcome, true);
    checked.push({ ...w, ...(w.action === 'delete' ? {} : { stored: outcome.object }) });
  }
  if (dryRun) return checked;
  const done: DoneWrite[] = [];
  for (const w of ordered) {
    const outcome = await send(w, false);
    if (!outcome.ok) throw await refusal(w, outcome, false, await undoAll(done));
    done.push({ ...w, ...(w.action === 'delete' ? {} : { stored: outcome.object }) });
  }
  return done;
}

/** Undoes the writes made so far, newest first; says how that went. */
async function undoAll(done: readonly DoneWrite[]): Promise<string> {
  if (done.length === 0) return 'nothing was written';
  const failed: string[] = [];
  for (const d of [...done].reverse()) if (!(await undo(d).catch(() => false))) failed.push(label(d));
  return failed.length === 0 ? `the writes before it were undone` : `undoing ${failed.join(', ')} failed: check it`;
}
