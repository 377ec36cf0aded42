// The traffic-shifting form: one weight per version on the default route. Pure.

import type { FieldError, TrafficModel } from '@/lib/mesh/traffic/types';
import { check, wholeNumber, wholeProblem } from './checks';
import { editFrom, type SectionSpec } from './section-spec';

/** One version's row: the subset its weight goes to, what to call it, and the weight as typed. */
export interface ShiftRow {
  subset: string;
  version: string;
  weight: string;
  /** No workload carries this subset's version: traffic sent there would fail. */
  orphan?: boolean;
}

export interface ShiftingForm {
  rows: ShiftRow[];
}

/** The field of a row's weight. */
export const weightField = (subset: string) => `weight:${subset}`;
/** The field of the weights' sum. */
export const SUM_FIELD = 'routes';

/** Whole percentages as even as they go, the remainder to the first: 3 → 34, 33, 33. */
export function evenSplit(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

/**
 * A row per version (the subset selecting it, or a subset named after the version, which the server creates), and
 * one per routed subset that no version carries. Without routes yet the weights start as an even split, which is
 * what spreading requests over every pod amounts to.
 */
export function initShifting(model: TrafficModel): ShiftingForm {
  const rows: ShiftRow[] = model.versions.map((v) => ({ subset: v.subset ?? v.version, version: v.version, weight: '0' }));
  // An empty subset routes to the host itself: any version.
  for (const r of model.routes) if (!rows.some((row) => row.subset === r.subset)) rows.push({ subset: r.subset, version: r.subset || 'any version', weight: '0', orphan: r.subset !== '' });
  if (model.routes.length === 0) {
    const even = evenSplit(rows.length);
    return { rows: rows.map((row, i) => ({ ...row, weight: String(even[i] ?? 0) })) };
  }
  return { rows: rows.map((row) => ({ ...row, weight: String(model.routes.find((r) => r.subset === row.subset)?.weight ?? 0) })) };
}

/** The sum of the weights that are whole numbers. */
export function weightSum(form: ShiftingForm): number {
  return form.rows.reduce((sum, r) => sum + (wholeNumber(r.weight) ?? 0), 0);
}

function checkShifting(form: ShiftingForm): FieldError[] {
  const out: FieldError[] = [];
  if (form.rows.length === 0) return [{ field: SUM_FIELD, message: 'This service has no versions to send traffic to.' }];
  for (const row of form.rows) check(out, weightField(row.subset), wholeProblem(row.weight, 0, 100));
  const sum = weightSum(form);
  if (out.length === 0 && sum !== 100) out.push({ field: SUM_FIELD, message: `The weights add up to ${sum}%; they must add up to 100%.` });
  return out;
}

/**
 * The default route as weighted subsets in row order. A row at 0 that the live route did not list stays out, so
 * the VirtualService only changes where the user changed it.
 */
function toShiftingEdit(form: ShiftingForm, model: TrafficModel) {
  const routes = form.rows
    .map((row) => ({ subset: row.subset, weight: wholeNumber(row.weight) ?? 0 }))
    .filter((r) => r.weight > 0 || model.routes.some((live) => live.subset === r.subset));
  return editFrom(model, { routes });
}

/** `routes[i]…` of the edit names the row of the i-th routed subset. */
function shiftingFieldOf(path: string, edit: { routes: { subset: string }[] }): string {
  const m = /^routes\[(\d+)\]/.exec(path);
  const subset = m ? edit.routes[Number(m[1])]?.subset : undefined;
  return subset === undefined ? (path.startsWith('routes') ? SUM_FIELD : path) : weightField(subset);
}

/** The rows of the newer model, each keeping the weight the user typed for its subset. */
function rebaseShifting(form: ShiftingForm, latest: TrafficModel): ShiftingForm {
  const fresh = initShifting(latest);
  return { rows: fresh.rows.map((row) => ({ ...row, weight: form.rows.find((r) => r.subset === row.subset)?.weight ?? row.weight })) };
}

/** Sets every row to `weights` in order (the "even split" and "all to one" helpers). */
export function withWeights(form: ShiftingForm, weights: readonly number[]): ShiftingForm {
  return { rows: form.rows.map((row, i) => ({ ...row, weight: String(weights[i] ?? 0) })) };
}

export const shiftingSpec: SectionSpec<ShiftingForm> = {
  init: initShifting,
  check: checkShifting,
  toEdit: toShiftingEdit,
  fieldOf: shiftingFieldOf,
  rebase: rebaseShifting,
};
