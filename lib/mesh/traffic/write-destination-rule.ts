// Writes the subsets an edit routes to and its circuit breaker into a DestinationRule, touching only what changed.
// Pure.

import { list, record, str } from '../istio/read';
import { patchCircuitBreaker } from './circuit-breaker';
import { same, setOrDelete } from './same';
import type { TrafficEdit, TrafficModel } from './types';
import { NETWORKING_V1 } from './write-virtual-service';

type Obj = Record<string, unknown>;

/** The subsets an edit routes to, in order of first use (the whole service, `''`, left out). */
export function referencedSubsets(edit: Pick<TrafficEdit, 'routes' | 'rules'>): string[] {
  return [...new Set([...edit.rules.flatMap((r) => r.route), ...edit.routes].map((ws) => ws.subset).filter((s) => s !== ''))];
}

/** The subsets the model as read already routes to, defined or not. */
export function modelSubsets(model: TrafficModel): Set<string> {
  return new Set(referencedSubsets(model));
}

/**
 * The subsets to append: one per referenced subset no DestinationRule defines that names a version, selecting it by
 * the version's labels. A name that is no version is left alone when the live VirtualService already used it (its
 * subset may come from a rule elsewhere), and refused when the edit brings it in (validation refuses it first).
 */
export function missingSubsets(model: TrafficModel, edit: TrafficEdit): Obj[] {
  const defined = new Set((model.subsets ?? []).map((s) => s.name));
  const before = modelSubsets(model);
  return referencedSubsets(edit)
    .filter((s) => !defined.has(s))
    .flatMap((name) => {
      const version = model.versions.find((v) => v.version === name);
      if (version) return [{ name, labels: { ...version.labels } }];
      if (before.has(name)) return [];
      throw new Error(`subset "${name}" is neither defined by a DestinationRule nor a version of ${model.service}`);
    });
}

/** The DestinationRule to write, or undefined when the edit needs no change to it. */
export function writeDestinationRule(model: TrafficModel, edit: TrafficEdit, live: Obj | undefined): Obj | undefined {
  const added = missingSubsets(model, edit);
  const cbChanged = !same(model.circuitBreaker, edit.circuitBreaker);
  if (added.length === 0 && !cbChanged) return undefined;
  const spec = structuredClone(record(live?.spec) ?? { host: model.service });
  if (added.length > 0) spec.subsets = [...list(spec.subsets), ...added];
  if (cbChanged) {
    const policy = patchCircuitBreaker(record(spec.trafficPolicy) ?? {}, model.circuitBreaker, edit.circuitBreaker);
    setOrDelete(spec, 'trafficPolicy', Object.keys(policy).length > 0 || record(spec.trafficPolicy) ? policy : undefined);
  }
  const metadata = { ...(record(live?.metadata) ?? { name: model.service }), namespace: str(record(live?.metadata)?.namespace) ?? model.namespace };
  setOrDelete(metadata, 'resourceVersion', live ? edit.destinationRuleVersion : undefined);
  return { ...(live ?? {}), apiVersion: NETWORKING_V1, kind: 'DestinationRule', metadata, spec };
}
