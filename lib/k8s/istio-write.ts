import 'server-only';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { ISTIO_RESOURCES } from '../mesh/inventory/istio-parse';
import type { IstioKind } from '../mesh/istio/types';
import { statusOf, withKube } from './client';

/** What the API server answered a write with: the object as stored (or as it would be), or its refusal. */
export type WriteOutcome = { ok: true; object: Record<string, unknown> } | { ok: false; status: number; message: string };

/** The API server's own words from a refusal (a Status object, as JSON text or parsed). */
export function messageOf(err: unknown): string {
  const body = (err as { body?: unknown }).body;
  let status: unknown = body;
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body);
    } catch {
      return body;
    }
  }
  const message = (status as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : err instanceof Error ? err.message : String(err);
}

// Every write names its manager and refuses unknown fields (fieldValidation Strict) rather than dropping them.
const writeOptions = (dryRun: boolean) => ({ fieldManager: 'meshscope', fieldValidation: 'Strict', ...(dryRun ? { dryRun: 'All' } : {}) });

/** Runs one write as the current identity; 4xx refusals come back as outcomes so their status and words reach the user. */
function writeOutcome(write: (api: CustomObjectsApi, options: Parameters<Parameters<typeof withKube>[0]>[1]) => Promise<unknown>): Promise<WriteOutcome> {
  return withKube(async (kc, options) => {
    try {
      return { ok: true, object: (await write(kc.makeApiClient(CustomObjectsApi), options)) as Record<string, unknown> };
    } catch (err) {
      const status = statusOf(err);
      if (status !== undefined && status >= 400 && status < 500) return { ok: false, status, message: messageOf(err) };
      throw err;
    }
  });
}

/**
 * Replaces one Istio object as the current identity. The body's `metadata.resourceVersion` makes the API server
 * refuse (409) when someone changed the object since it was read; `dryRun` runs every check, admission and schema
 * validation included, without storing anything.
 */
export async function replaceIstioObject(kind: IstioKind, namespace: string, name: string, body: Record<string, unknown>, dryRun: boolean): Promise<WriteOutcome> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  return writeOutcome((api, options) => api.replaceNamespacedCustomObject({ group, version, namespace, plural, name, body, ...writeOptions(dryRun) }, options));
}

/** Creates one Istio object as the current identity (409 when one of that name exists); `dryRun` stores nothing. */
export async function createIstioObject(kind: IstioKind, namespace: string, body: Record<string, unknown>, dryRun: boolean): Promise<WriteOutcome> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  return writeOutcome((api, options) => api.createNamespacedCustomObject({ group, version, namespace, plural, body, ...writeOptions(dryRun) }, options));
}

/**
 * Deletes one Istio object as the current identity, only if it is still at `resourceVersion` (the API server
 * refuses with 409 otherwise), so a change someone made since it was read is never deleted unseen.
 */
export async function deleteIstioObject(kind: IstioKind, namespace: string, name: string, resourceVersion: string, dryRun: boolean): Promise<WriteOutcome> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  // A DELETE with a body takes its options from the body alone: a `dryRun` query parameter beside the
  // preconditions is ignored and the object really goes. So dryRun travels in the DeleteOptions.
  const body = { preconditions: { resourceVersion }, ...(dryRun ? { dryRun: ['All'] } : {}) };
  return writeOutcome((api, options) => api.deleteNamespacedCustomObject({ group, version, namespace, plural, name, body }, options));
}
