import 'server-only';
import { stringify } from 'yaml';
import { appConfig } from './config/env';
import { AppError } from './errors';
import { listNamespaces } from './k8s/client';
import { readAllIstioResources, readIstioObject } from './k8s/istio-config';
import { readWorkloadObjects } from './k8s/inventory';
import type { IstioRef } from './mesh/inventory/types';
import type { IstioConfigDetails, IstioConfigItem, IstioConfigList } from './mesh/istio/api-types';
import type { IstioListParams, IstioObjectParams } from './mesh/istio/params';
import { parseIstioResource } from './mesh/istio/parse';
import { referencesOf } from './mesh/istio/references';
import { buildScope, type ScopeInput } from './mesh/istio/scope';
import { withoutMetadata } from './mesh/istio/server-fields';
import { refKey, refOf, type ConfigScope, type IstioResource, type ObjectValidation } from './mesh/istio/types';
import { validateScope } from './mesh/istio/validations';

/**
 * The whole cluster's Istio objects, services, workloads and namespaces: rules about one namespace need the
 * others' (a DestinationRule elsewhere, a Gateway in istio-system, the root namespace's policies) as context.
 */
export async function readClusterObjects(): Promise<ScopeInput> {
  const [istio, workloads, namespaces] = await Promise.all([readAllIstioResources(), readWorkloadObjects('all'), listNamespaces()]);
  return { istio, ...workloads, namespaces: namespaces.map((n) => ({ name: n.name, labels: n.labels })), rootNamespace: appConfig().istioRootNamespace };
}

async function readConfigScope(): Promise<ConfigScope> {
  return buildScope(await readClusterObjects());
}

/** The cluster's scope with one object as given in place of the stored one (to validate an edit or a fresh read). */
export async function readConfigScopeWith(object: IstioResource): Promise<ConfigScope> {
  const scope = await readConfigScope();
  const key = refKey(refOf(object));
  return { ...scope, objects: [...scope.objects.filter((o) => refKey(refOf(o)) !== key), object] };
}

/** 404 naming the first namespace asked for that does not exist. */
export function requireNamespaces(scope: ConfigScope, asked: readonly string[]): void {
  const missing = asked.find((n) => !scope.namespaces.includes(n));
  if (missing !== undefined) throw new AppError('not_found', `namespace "${missing}" not found`);
}

function itemOf(o: IstioResource, validation: ObjectValidation | undefined): IstioConfigItem {
  const { metadata: m } = o;
  return {
    kind: o.kind,
    namespace: m.namespace,
    name: m.name,
    ...(m.creationTimestamp ? { createdAt: m.creationTimestamp } : {}),
    ...(m.resourceVersion ? { resourceVersion: m.resourceVersion } : {}),
    valid: validation?.valid ?? true,
    findings: validation?.findings ?? [],
  };
}

const order = (a: IstioConfigItem, b: IstioConfigItem) => a.namespace.localeCompare(b.namespace) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);

/** The Istio objects of the namespaces (all when none are given), of one kind if asked, each with its validation. */
export async function fetchIstioList(p: IstioListParams): Promise<IstioConfigList> {
  const scope = await readConfigScope();
  requireNamespaces(scope, p.namespaces);
  const wanted = (ref: IstioRef) => (p.namespaces.length === 0 || p.namespaces.includes(ref.namespace)) && (!p.kind || ref.kind === p.kind);
  const validations = new Map(validateScope(scope, wanted).map((v) => [refKey(v.ref), v]));
  const items = scope.objects.filter((o) => wanted(refOf(o))).map((o) => itemOf(o, validations.get(refKey(refOf(o)))));
  return { namespaces: p.namespaces, ...(p.kind ? { kind: p.kind } : {}), items: items.sort(order) };
}

/** One object as stored, with its YAML, validation and references; 404 when it does not exist. */
export async function fetchIstioDetails(p: IstioObjectParams): Promise<IstioConfigDetails> {
  const raw = await readIstioObject(p.kind, p.namespace, p.name);
  const object = raw && parseIstioResource(p.kind, raw, p.namespace);
  if (!raw || !object) throw new AppError('not_found', `${p.kind} "${p.name}" not found in namespace "${p.namespace}"`);
  const key = refKey(refOf(object));
  // Validate against the cluster as listed, but with this object exactly as just read.
  const current = await readConfigScopeWith(object);
  const validation = validateScope(current, (ref) => refKey(ref) === key)[0];
  // Without managedFields, which nobody reading or editing wants; resourceVersion stays, the editor needs it.
  const shown = withoutMetadata(raw, ['managedFields']);
  return { item: itemOf(object, validation), object, yaml: stringify(shown), references: referencesOf(object, current) };
}
