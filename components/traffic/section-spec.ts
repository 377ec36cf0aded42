// What every traffic form has in common: how it starts from the live model, checks itself, becomes an edit. Pure.

import type { FieldError, TrafficEdit, TrafficModel, TrafficSettings } from '@/lib/mesh/traffic/types';

/** One section's form: its own state type `F`, and how it relates to the model and the edit the server takes. */
export interface SectionSpec<F> {
  /** The form as the live model reads. */
  init: (model: TrafficModel) => F;
  /** The client's checks, mirroring the server's, keyed by the form's field paths. */
  check: (form: F, model: TrafficModel) => FieldError[];
  /** The whole edit: the model's settings with this section's part replaced by the form's. */
  toEdit: (form: F, model: TrafficModel) => TrafficEdit;
  /** The form field a server error path (`routes[1].weight`) names; the path itself when absent. */
  fieldOf?: (path: string, edit: TrafficEdit) => string;
  /** The user's values carried over onto a newer model (after a 409); the form unchanged when absent. */
  rebase?: (form: F, latest: TrafficModel) => F;
}

/** The settings part of a model: what an edit repeats for the sections it does not change. */
export function settingsOf(model: TrafficModel): TrafficSettings {
  const { routes, rules, fault, timeout, retries, circuitBreaker } = model;
  return {
    routes,
    rules,
    ...(fault ? { fault } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
    ...(retries ? { retries } : {}),
    ...(circuitBreaker ? { circuitBreaker } : {}),
  };
}

/** The versions of the objects a model was read from, as an edit must carry them so a change meanwhile is a 409. */
export function objectVersions(model: TrafficModel): Pick<TrafficEdit, 'resourceVersion' | 'destinationRuleVersion'> {
  const vs = model.virtualService?.resourceVersion ?? model.resourceVersion;
  const dr = model.destinationRule?.resourceVersion;
  return { ...(vs !== undefined ? { resourceVersion: vs } : {}), ...(dr !== undefined ? { destinationRuleVersion: dr } : {}) };
}

/** The model's settings with `change` applied (a key set to undefined removes that setting), and its versions. */
export function editFrom(model: TrafficModel, change: Partial<TrafficSettings>): TrafficEdit {
  const merged: Record<string, unknown> = { ...settingsOf(model), ...change };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return { ...(merged as unknown as TrafficSettings), ...objectVersions(model) };
}

/** Whether two models were read from the same versions of the same objects. */
export function sameVersions(a: TrafficModel, b: TrafficModel): boolean {
  const x = objectVersions(a);
  const y = objectVersions(b);
  return x.resourceVersion === y.resourceVersion && x.destinationRuleVersion === y.destinationRuleVersion;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  }
  return value;
}

/** A text that is equal for equal edits whatever their keys' order: what a preview was made of. */
export function editKey(edit: TrafficEdit): string {
  return JSON.stringify(sorted(edit));
}
