import 'server-only';
import { randomInt } from 'node:crypto';
import { CoreV1Api, type V1ConfigMap } from '@kubernetes/client-node';
import { z } from 'zod';
import { appConfig } from '../config/env';
import { AppError, UpstreamError } from '../errors';
import type { ChangeRecord } from '../mesh/traffic/types';
import { statusOf, withKube } from './client';
import { messageOf } from './istio-write';

// Traffic changes are kept in the cluster itself, one ConfigMap each in the history namespace, so the record lives
// as long as the cluster does, needs no database, and is readable with kubectl. They are written and read as the
// request's identity: whoever may change traffic is given a Role for ConfigMaps there (deploy/README.md).

const CHANGE_LABEL = 'meshscope.io/change';
const NAMESPACE_LABEL = 'meshscope.io/namespace';
const SERVICE_LABEL = 'meshscope.io/service';
const RECORD_KEY = 'record.json';

const OBJECT_KEY = /^(VirtualService|DestinationRule)\.(.+)\.(before|after)\.yaml$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

const recordJson = z.object({
  id: z.string(),
  at: z.string(),
  user: z.string(),
  namespace: z.string(),
  service: z.string(),
  summary: z.string(),
  reverts: z.string().optional(),
});

type Refusal = { ok: false; status: number; message: string };

/** Runs one ConfigMap call, answering the API server's 4xx refusals as values (403 stays the user's to see). */
function configMapCall<T>(call: (api: CoreV1Api, options: Parameters<Parameters<typeof withKube>[0]>[1]) => Promise<T>): Promise<{ ok: true; value: T } | Refusal> {
  return withKube(async (kc, options) => {
    try {
      return { ok: true as const, value: await call(kc.makeApiClient(CoreV1Api), options) };
    } catch (err) {
      const status = statusOf(err);
      if (status !== undefined && status >= 400 && status < 500) return { ok: false as const, status, message: messageOf(err) };
      throw err;
    }
  });
}

function refused(r: Refusal, what: string): AppError {
  if (r.status === 403) return new AppError('forbidden', `kubernetes: ${r.message}`);
  return new UpstreamError('kubernetes', 'upstream_unavailable', `${what}: ${r.message}`);
}

/** A change id (also the ConfigMap's name): `change-<UTC yyyymmddhhmmss>-<6 random>`, sortable by time. */
function newId(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const suffix = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `change-${stamp}-${suffix}`;
}

function configMapOf(record: ChangeRecord, namespace: string): V1ConfigMap {
  const { objects, ...rest } = record;
  const data: Record<string, string> = { [RECORD_KEY]: JSON.stringify(rest, null, 2) };
  for (const o of objects) {
    if (o.before !== null) data[`${o.kind}.${o.name}.before.yaml`] = o.before;
    if (o.after !== null) data[`${o.kind}.${o.name}.after.yaml`] = o.after;
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: record.id,
      namespace,
      labels: { 'app.kubernetes.io/managed-by': 'meshscope', [CHANGE_LABEL]: 'true', [NAMESPACE_LABEL]: record.namespace, [SERVICE_LABEL]: record.service },
    },
    data,
  };
}

/** The record a ConfigMap holds; undefined when it is not one of ours (hand-made or damaged). */
function recordOf(cm: V1ConfigMap): ChangeRecord | undefined {
  const data = cm.data ?? {};
  let parsed: z.infer<typeof recordJson>;
  try {
    const result = recordJson.safeParse(JSON.parse(data[RECORD_KEY] ?? ''));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const objects = new Map<string, ChangeRecord['objects'][number]>();
  for (const [key, text] of Object.entries(data)) {
    const m = OBJECT_KEY.exec(key);
    if (!m) continue;
    const [, kind, name, side] = m as unknown as [string, 'VirtualService' | 'DestinationRule', string, 'before' | 'after'];
    const o = objects.get(`${kind}.${name}`) ?? { kind, name, before: null, after: null };
    o[side] = text;
    objects.set(`${kind}.${name}`, o);
  }
  return { ...parsed, objects: [...objects.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)) };
}

/**
 * Records one change (its id and time are given here) as a ConfigMap in the history namespace. 503 when that
 * namespace does not exist: the deploy creates it, and the console does not create namespaces behind anyone's back.
 */
export async function recordChange(change: Omit<ChangeRecord, 'id' | 'at'>, now = new Date()): Promise<ChangeRecord> {
  const namespace = appConfig().historyNamespace;
  const record: ChangeRecord = { id: newId(now), at: now.toISOString(), ...change };
  const body = configMapOf(record, namespace);
  const outcome = await configMapCall((api, options) => api.createNamespacedConfigMap({ namespace, body }, options));
  if (outcome.ok) return record;
  if (outcome.status === 404) {
    throw new AppError(
      'not_configured',
      `the change-history namespace "${namespace}" does not exist: create it (deploy/kubernetes/namespace.yaml) or set MESHSCOPE_HISTORY_NAMESPACE`,
    );
  }
  throw refused(outcome, `recording the change in namespace "${namespace}"`);
}

/** The recorded changes, of one namespace and service when given, newest first. */
export async function listChanges(filter: { namespace?: string; service?: string } = {}): Promise<ChangeRecord[]> {
  const namespace = appConfig().historyNamespace;
  const labelSelector = [
    `${CHANGE_LABEL}=true`,
    ...(filter.namespace ? [`${NAMESPACE_LABEL}=${filter.namespace}`] : []),
    ...(filter.service ? [`${SERVICE_LABEL}=${filter.service}`] : []),
  ].join(',');
  const outcome = await configMapCall((api, options) => api.listNamespacedConfigMap({ namespace, labelSelector }, options));
  if (!outcome.ok) throw refused(outcome, `listing the changes in namespace "${namespace}"`);
  const records = outcome.value.items.flatMap((cm) => recordOf(cm) ?? []);
  return records.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** One recorded change; 404 when there is none of that id. */
export async function readChange(id: string): Promise<ChangeRecord> {
  const namespace = appConfig().historyNamespace;
  const outcome = await configMapCall((api, options) => api.readNamespacedConfigMap({ name: id, namespace }, options));
  const notFound = new AppError('not_found', `change "${id}" not found in namespace "${namespace}"`);
  if (!outcome.ok) throw outcome.status === 404 ? notFound : refused(outcome, `reading change "${id}"`);
  const record = outcome.value.metadata?.labels?.[CHANGE_LABEL] === 'true' ? recordOf(outcome.value) : undefined;
  if (!record) throw notFound;
  return record;
}
