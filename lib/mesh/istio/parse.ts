// Reads the API server's untyped custom-object answers into IstioResource. Pure.

import { z } from 'zod';
import { ISTIO_RESOURCES } from '../inventory/istio-parse';
import type { IstioKind, IstioResource } from './types';

const stringMap = z.record(z.string(), z.string());

const item = z.object({
  apiVersion: z.string().optional(),
  metadata: z.object({
    name: z.string(),
    namespace: z.string().optional(),
    resourceVersion: z.string().optional(),
    creationTimestamp: z.string().optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
  }),
  // Kept unparsed: a spec of the wrong shape is for the validations to report, not a reason to hide the object.
  spec: z.record(z.string(), z.unknown()).optional(),
});

const list = z.object({ items: z.array(z.unknown()) });

/** The kinds Meshscope reads, in the order it lists them. */
export const ISTIO_KINDS = Object.keys(ISTIO_RESOURCES) as IstioKind[];

/** Whether a string names one of the Istio kinds Meshscope reads (exact spelling, e.g. `VirtualService`). */
export function isIstioKind(s: string): s is IstioKind {
  return (ISTIO_KINDS as string[]).includes(s);
}

/** One object of `kind`; undefined when it lacks even a name. */
export function parseIstioResource(kind: IstioKind, raw: unknown, namespace?: string): IstioResource | undefined {
  const parsed = item.safeParse(raw);
  if (!parsed.success) return undefined;
  const { apiVersion, metadata, spec } = parsed.data;
  const { group, version } = ISTIO_RESOURCES[kind];
  return {
    apiVersion: apiVersion ?? `${group}/${version}`,
    kind,
    metadata: { ...metadata, namespace: metadata.namespace ?? namespace ?? '' },
    spec: spec ?? {},
  };
}

/** The objects of a list answer; undefined when the answer is not a list. */
export function parseIstioResources(kind: IstioKind, raw: unknown, namespace?: string): IstioResource[] | undefined {
  const parsed = list.safeParse(raw);
  if (!parsed.success) return undefined;
  return parsed.data.items.flatMap((i) => parseIstioResource(kind, i, namespace) ?? []);
}
