import 'server-only';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { ISTIO_RESOURCES } from '../mesh/inventory/istio-parse';
import type { IstioKind } from '../mesh/istio/types';
import { statusOf, withKube } from './client';

/** What the API server answered a write with: the object as stored (or as it would be), or its refusal. */
export type WriteOutcome = { ok: true; object: Record<string, unknown> } | { ok: false; status: number; message: string };

/** The API server's own words from a refusal (a Status object, as JSON text or parsed). */
function messageOf(err: unknown): string {
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

/**
 * Replaces one Istio object as the current identity. The body's `metadata.resourceVersion` makes the API server
 * refuse (409) when someone changed the object since it was read; `dryRun` runs every check, admission and schema
 * validation included, without storing anything. Unknown fields are refused (fieldValidation Strict) rather than
 * silently dropped. 4xx refusals come back as outcomes so their status and words reach the user unchanged.
 */
export async function replaceIstioObject(kind: IstioKind, namespace: string, name: string, body: Record<string, unknown>, dryRun: boolean): Promise<WriteOutcome> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  return withKube(async (kc, options) => {
    try {
      const object = (await kc
        .makeApiClient(CustomObjectsApi)
        .replaceNamespacedCustomObject(
          { group, version, namespace, plural, name, body, fieldManager: 'meshscope', fieldValidation: 'Strict', ...(dryRun ? { dryRun: 'All' } : {}) },
          options,
        )) as Record<string, unknown>;
      return { ok: true, object };
    } catch (err) {
      const status = statusOf(err);
      if (status !== undefined && status >= 400 && status < 500) return { ok: false, status, message: messageOf(err) };
      throw err;
    }
  });
}
