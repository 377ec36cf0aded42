import 'server-only';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { UpstreamError } from '../errors';
import { ISTIO_RESOURCES } from '../mesh/inventory/istio-parse';
import { ISTIO_KINDS, parseIstioResources } from '../mesh/istio/parse';
import type { IstioKind, IstioResource } from '../mesh/istio/types';
import { unlessNotFound, withKube } from './client';

/** Every object of one Istio kind across the cluster; none when the kind is not installed (404). */
async function listKind(kind: IstioKind): Promise<IstioResource[]> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  const raw = await withKube((kc, options) =>
    unlessNotFound(async (): Promise<unknown> => kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({ group, version, plural }, options)),
  );
  if (raw === undefined) return [];
  const parsed = parseIstioResources(kind, raw);
  if (!parsed) throw new UpstreamError('kubernetes', 'upstream_unavailable', `unexpected ${plural}.${group} list`);
  return parsed;
}

/**
 * All Istio objects of the kinds Meshscope reads, cluster-wide (one list per kind, concurrently): a validation of
 * one namespace needs the others' DestinationRules, Gateways and the root namespace's policies as context.
 */
export async function readAllIstioResources(): Promise<IstioResource[]> {
  const lists = await Promise.all(ISTIO_KINDS.map(listKind));
  return lists.flat();
}

/** One object exactly as the API server stores it; undefined when it does not exist. */
export async function readIstioObject(kind: IstioKind, namespace: string, name: string): Promise<Record<string, unknown> | undefined> {
  const { group, version, plural } = ISTIO_RESOURCES[kind];
  return withKube((kc, options) =>
    unlessNotFound(
      async () =>
        (await kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ group, version, namespace, plural, name }, options)) as Record<string, unknown>,
    ),
  );
}
