import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { assertWritable } from './auth/service';
import { AppError } from './errors';
import { readableYaml } from './istio-edit-service';
import { readClusterObjects, requireNamespaces } from './istio-service';
import { listChanges, readChange, recordChange } from './k8s/change-history';
import { whoAmI } from './k8s/client';
import { readIstioObject } from './k8s/istio-config';
import { record } from './mesh/istio/read';
import { parseIstioResource } from './mesh/istio/parse';
import { buildScope } from './mesh/istio/scope';
import { refKey, refOf, type ConfigScope, type IstioResource, type MeshService } from './mesh/istio/types';
import { validateScope } from './mesh/istio/validations';
import { objectsForService } from './mesh/traffic/objects-for-service';
import { planTrafficObjects } from './mesh/traffic/plan-objects';
import { readTrafficModel } from './mesh/traffic/read-model';
import type { ChangeRecord, ObjectChange, TrafficApplyResult, TrafficEdit, TrafficModel } from './mesh/traffic/types';
import { validateTrafficEdit } from './mesh/traffic/validate-edit';
import { diffOf, runWrites, versionOf, type DoneWrite, type PlannedWrite } from './traffic-writes';

// The traffic-change pipeline (DESIGN §4, §5): read the model, validate the edit, refuse a stale one, plan the
// objects, dry-run them on the API server, write them in a safe order, record the change in the cluster, and answer
// with the diffs, the validations of the result and the model after. A revert goes through the same writes.

type Kind = ObjectChange['kind'];
type Raw = Record<string, unknown>;

interface ServiceScope {
  scope: ConfigScope;
  service: MeshService;
}

/** The cluster's scope and the service in it; 404 when the namespace or the service does not exist. */
async function readServiceScope(namespace: string, name: string): Promise<ServiceScope> {
  const scope = buildScope(await readClusterObjects());
  requireNamespaces(scope, [namespace]);
  const service = scope.services.find((s) => s.namespace === namespace && s.name === name);
  if (!service) throw new AppError('not_found', `service "${name}" not found in namespace "${namespace}"`);
  return { scope, service };
}

const keyOf = (kind: Kind, namespace: string, name: string) => refKey({ kind, namespace, name });

/** The scope with some objects as given instead of as listed (`undefined`: the object is gone). */
function scopeWith(scope: ConfigScope, objects: readonly { kind: Kind; namespace: string; name: string; raw?: Raw }[]): ConfigScope {
  const replaced = new Set(objects.map((o) => keyOf(o.kind, o.namespace, o.name)));
  const added = objects.flatMap((o) => (o.raw ? (parseIstioResource(o.kind, o.raw, o.namespace) ?? []) : []));
  return { ...scope, objects: [...scope.objects.filter((o) => !replaced.has(refKey(refOf(o)))), ...added] };
}

function modelIn({ scope, service }: ServiceScope): { model: TrafficModel; vs?: IstioResource; dr?: IstioResource } {
  const objects = objectsForService(scope.objects, service.namespace, service.name);
  const workloads = scope.workloads.filter((w) => w.namespace === service.namespace);
  const model = readTrafficModel({ namespace: service.namespace, service, workloads, ...objects });
  return { model, vs: objects.virtualServices[0], dr: objects.destinationRules[0] };
}

/** `GET …/services/{svc}/traffic`: the live configuration read into the form's model. */
export async function fetchTrafficModel(namespace: string, service: string): Promise<TrafficModel> {
  return modelIn(await readServiceScope(namespace, service)).model;
}

// Only what a user edits counts: the server's bookkeeping (resourceVersion, generation, status) changes on its own.
function sameContent(a: Raw | undefined, b: Raw | undefined): boolean {
  if (!a || !b) return a === b;
  const content = (o: Raw) => ({ spec: o.spec ?? {}, labels: record(o.metadata)?.labels ?? {}, annotations: record(o.metadata)?.annotations ?? {} });
  return isDeepStrictEqual(content(a), content(b));
}

function plannedWrite(kind: Kind, namespace: string, action: PlannedWrite['action'], live: Raw | undefined, target: Raw | undefined): PlannedWrite | undefined {
  const meta = record(target?.metadata) ?? record(live?.metadata);
  const name = meta?.name;
  if (typeof name !== 'string') return undefined;
  const ns = typeof meta?.namespace === 'string' ? meta.namespace : namespace;
  const unchanged = action === 'unchanged' || (action === 'update' && sameContent(live, target));
  return { kind, namespace: ns, name, action: unchanged ? 'unchanged' : action, ...(live ? { live } : {}), ...(target && !unchanged ? { target } : {}) };
}

/** The writes an edit makes; a plan the form cannot make (an unsupported model) is a 422. */
function planWrites(model: TrafficModel, live: { vs?: Raw; dr?: Raw }, edit: TrafficEdit): PlannedWrite[] {
  let plan: ReturnType<typeof planTrafficObjects>;
  try {
    plan = planTrafficObjects({ model, edit, ...(live.vs ? { liveVirtualService: live.vs } : {}), ...(live.dr ? { liveDestinationRule: live.dr } : {}) });
  } catch (err) {
    throw new AppError('invalid', `${err instanceof Error ? err.message : String(err)}. Edit the objects in the YAML editor instead.`);
  }
  return [
    plannedWrite('VirtualService', model.namespace, plan.vsAction, live.vs, plan.virtualService),
    plannedWrite('DestinationRule', model.namespace, plan.drAction, live.dr, plan.destinationRule),
  ].filter((w) => w !== undefined);
}

/** The live objects, read one by one (the list the scope came from may be a moment older). */
async function readLive(o: IstioResource | undefined): Promise<Raw | undefined> {
  return o ? readIstioObject(o.kind, o.metadata.namespace, o.metadata.name) : undefined;
}

function staleness(raw: unknown, live: { vs?: Raw; dr?: Raw }): string[] {
  const edit = record(raw);
  const stale: string[] = [];
  const check = (what: string, asRead: unknown, now: Raw | undefined) => {
    if (asRead !== undefined && typeof asRead !== 'string') return; // the validation names a malformed version
    if (asRead === versionOf(now)) return;
    stale.push(!now ? `the ${what} was deleted` : asRead === undefined ? `a ${what} was created` : `the ${what} changed (now at resourceVersion ${versionOf(now)})`);
  };
  check('VirtualService', edit?.resourceVersion, live.vs);
  check('DestinationRule', edit?.destinationRuleVersion, live.dr);
  return stale;
}

function changesOf(writes: readonly PlannedWrite[], done: readonly DoneWrite[] | undefined): ObjectChange[] {
  return writes.map((w) => {
    const result = done?.find((d) => d.kind === w.kind && d.name === w.name);
    const after = w.action === 'unchanged' ? w.live : (result?.stored ?? w.target);
    return { kind: w.kind, name: w.name, action: w.action, diff: w.action === 'unchanged' ? [] : diffOf(w.live, after) };
  });
}

/** A 409 that overwrites nothing: what changed, and the diff between the objects now and what was wanted. */
function conflict(subject: string, reasons: readonly string[], writes: readonly PlannedWrite[]): AppError {
  const changes = changesOf(writes, undefined);
  return new AppError('conflict', `${subject}: ${reasons.join('; ')}; nothing was written. Review the differences and apply again.`, {
    diff: changes.flatMap((c) => c.diff),
    changes,
  });
}

function summaryOf(service: string, edit: TrafficEdit): string {
  const routes = edit.routes.length > 0 ? `routes ${edit.routes.map((r) => `${r.subset || service} ${r.weight}`).join(', ')}` : "Istio's default routes";
  const extras = [
    edit.rules.length > 0 ? `${edit.rules.length} matching rule${edit.rules.length === 1 ? '' : 's'}` : '',
    edit.fault ? 'fault injection' : '',
    edit.timeout ? `timeout ${edit.timeout}` : '',
    edit.retries ? `${edit.retries.attempts} retries` : '',
    edit.circuitBreaker ? 'circuit breaker' : '',
  ].filter(Boolean);
  return `${service}: ${[routes, ...extras].join('; ')}`;
}

interface Finish extends ServiceScope {
  writes: PlannedWrite[];
  done: DoneWrite[];
  dryRun: boolean;
  summary: string;
  reverts?: string;
}

/** The answer: diffs, validations and model of the objects as stored (or as they would be), and the record. */
async function finish({ scope, service, writes, done, dryRun, summary, reverts }: Finish): Promise<TrafficApplyResult> {
  const after = scopeWith(
    scope,
    done.map((d) => ({ kind: d.kind, namespace: d.namespace, name: d.name, ...(d.stored ? { raw: d.stored } : {}) })),
  );
  const touched = new Set(writes.map((w) => keyOf(w.kind, w.namespace, w.name)));
  const findings = validateScope(after, (ref) => touched.has(refKey(ref))).flatMap((v) => v.findings);
  const result: TrafficApplyResult = { dryRun, changes: changesOf(writes, done), findings, model: modelIn({ scope: after, service }).model };
  if (dryRun || done.length === 0) return result;
  const objects: ChangeRecord['objects'] = done.map((d) => ({
    kind: d.kind,
    name: d.name,
    before: d.live ? readableYaml(d.live) : null,
    after: d.stored ? readableYaml(d.stored) : null,
  }));
  try {
    const user = (await whoAmI().catch(() => undefined)) ?? 'unknown';
    const change = await recordChange({ user, namespace: service.namespace, service: service.name, summary, objects, ...(reverts ? { reverts } : {}) });
    return { ...result, record: change };
  } catch (err) {
    // The objects are written; failing the request now would invite a second, duplicate apply.
    const why = err instanceof Error ? err.message : String(err);
    return { ...result, warning: `The change was applied but not recorded in the change history: ${why}` };
  }
}

/**
 * `PUT …/services/{svc}/traffic[?dryRun=true]`: applies the edit (or only checks it). 400 with `details.fields` for
 * a bad edit, 409 when the objects changed since the edit's versions were read, 422 when the form cannot represent
 * the live objects or the API server refuses one, 403 in the API server's words.
 */
export async function applyTraffic(namespace: string, serviceName: string, raw: unknown, dryRun: boolean): Promise<TrafficApplyResult> {
  if (!dryRun) assertWritable();
  const listed = await readServiceScope(namespace, serviceName);
  const objects = modelIn(listed);
  const live = { vs: await readLive(objects.vs), dr: await readLive(objects.dr) };
  const at = (o: IstioResource | undefined, kind: Kind, r: Raw | undefined) => (o ? [{ kind, namespace: o.metadata.namespace, name: o.metadata.name, ...(r ? { raw: r } : {}) }] : []);
  const current: ServiceScope = { ...listed, scope: scopeWith(listed.scope, [...at(objects.vs, 'VirtualService', live.vs), ...at(objects.dr, 'DestinationRule', live.dr)]) };
  const { model } = modelIn(current);
  const validated = validateTrafficEdit(raw, model);
  const stale = staleness(raw, live);
  if (stale.length > 0) {
    let writes: PlannedWrite[] = [];
    try {
      if (validated.ok) writes = planWrites(model, live, validated.edit);
    } catch {
      // The conflict is what the user needs to hear first; a diff is a bonus.
    }
    throw conflict(`The traffic of ${serviceName} was changed by someone else since it was read`, stale, writes);
  }
  if (!validated.ok) {
    const [first] = validated.errors;
    throw new AppError('bad_request', `${first?.field ?? 'body'}: ${first?.message ?? 'invalid edit'}`, { field: first?.field, fields: validated.errors });
  }
  if (model.unsupported.length > 0) {
    throw new AppError('invalid', `The form cannot edit the traffic of ${serviceName}: ${model.unsupported.join('; ')}. Edit the objects in the YAML editor instead.`, {
      unsupported: model.unsupported,
    });
  }
  const writes = planWrites(model, live, validated.edit);
  const done = await runWrites(writes, dryRun);
  return finish({ ...current, writes, done, dryRun, summary: summaryOf(serviceName, validated.edit) });
}

/** `GET /api/changes`: the recorded changes, of one namespace and service when asked, newest first. */
export async function listChangeRecords(filter: { namespace?: string; service?: string }): Promise<ChangeRecord[]> {
  return listChanges(filter);
}

/** `GET /api/changes/{id}`. */
export async function fetchChangeRecord(id: string): Promise<ChangeRecord> {
  return readChange(id);
}

function parseYamlObject(text: string | null): Raw | undefined {
  return text === null ? undefined : (parse(text) as Raw);
}

/**
 * `POST /api/changes/{id}/revert[?dryRun=true]`: puts back each object as the change found it (deleting what it
 * created, recreating what it deleted) through the same dry-run-then-write pipeline, and records that as a new
 * change. 409 when any object was changed since, so a later change is never undone unseen.
 */
export async function revertChange(id: string, dryRun: boolean): Promise<TrafficApplyResult> {
  if (!dryRun) assertWritable();
  const change = await readChange(id);
  const listed = await readServiceScope(change.namespace, change.service);
  const drifted: string[] = [];
  const writes: PlannedWrite[] = [];
  for (const o of change.objects) {
    const before = parseYamlObject(o.before);
    const after = parseYamlObject(o.after);
    const meta = record((after ?? before)?.metadata);
    const namespace = typeof meta?.namespace === 'string' ? meta.namespace : change.namespace;
    const live = await readIstioObject(o.kind, namespace, o.name);
    if (!sameContent(live, after)) {
      drifted.push(`${o.kind} ${namespace}/${o.name} ${live ? (after ? 'was changed' : 'was created') : 'was deleted'} after it`);
      // The diff a user needs: the object now against the state the revert expected to find.
      writes.push({ kind: o.kind, namespace, name: o.name, action: 'update', ...(live ? { live } : {}), ...(after ? { target: after } : {}) });
      continue;
    }
    const write = plannedWrite(o.kind, namespace, !before ? 'delete' : live ? 'update' : 'create', live, before);
    if (write) writes.push(write);
  }
  if (drifted.length > 0) throw conflict(`Change ${id} cannot be reverted safely`, drifted, writes);
  const done = await runWrites(writes, dryRun);
  return finish({ ...listed, writes, done, dryRun, summary: `${change.service}: revert of ${id} (${change.summary})`, reverts: id });
}
