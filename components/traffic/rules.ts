// The request-routing form: ordered rules, each matching requests and routing them to subsets. Pure.

import type { FieldError, MatchCondition, RoutingRule, TrafficModel } from '@/lib/mesh/traffic/types';
import { check, wholeNumber, wholeProblem } from './checks';
import { moveBy, removeAt } from './list-edit';
import { editFrom, type SectionSpec } from './section-spec';

export type MatchKind = MatchCondition['match'];
export const MATCH_KINDS: readonly MatchKind[] = ['exact', 'prefix', 'regex'];

/** A condition as typed; `name` only counts for headers. */
export interface ConditionRow {
  kind: 'header' | 'uri';
  name: string;
  match: MatchKind;
  value: string;
}

export interface DestinationRow {
  subset: string;
  weight: string;
}

export interface RuleRow {
  /** Stable across moves, for React's keys and the inputs' ids. */
  key: number;
  name: string;
  match: ConditionRow[];
  route: DestinationRow[];
}

export interface RulesForm {
  rules: RuleRow[];
  /** The key the next added rule gets. */
  next: number;
}

/** The subsets a rule may route to: each version's, then any other the live routes name. */
export function subsetChoices(model: TrafficModel): string[] {
  const out = model.versions.map((v) => v.subset ?? v.version);
  for (const name of [...(model.subsets ?? []).map((s) => s.name), ...[...model.routes, ...model.rules.flatMap((r) => r.route)].map((s) => s.subset)]) {
    if (name !== '' && !out.includes(name)) out.push(name);
  }
  return out;
}

const rowOf = (c: MatchCondition): ConditionRow => ({ kind: c.kind, name: c.kind === 'header' ? c.name : '', match: c.match, value: c.value });

function initRules(model: TrafficModel): RulesForm {
  const rules = model.rules.map((r, i) => ({
    key: i,
    name: r.name ?? '',
    match: r.match.map(rowOf),
    route: r.route.map((d) => ({ subset: d.subset, weight: String(d.weight) })),
  }));
  return { rules, next: rules.length };
}

/** A new rule at the end: requests with header `end-user` equal to a value, all to `subset`. */
export function addRule(form: RulesForm, subset: string): RulesForm {
  const rule: RuleRow = { key: form.next, name: '', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: '' }], route: [{ subset, weight: '100' }] };
  return { rules: [...form.rules, rule], next: form.next + 1 };
}

export const removeRule = (form: RulesForm, index: number): RulesForm => ({ ...form, rules: removeAt(form.rules, index) });
export const moveRule = (form: RulesForm, index: number, delta: number): RulesForm => ({ ...form, rules: moveBy(form.rules, index, delta) });

// As the server and Istio take them: lower case, an HTTP token.
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

function regexProblem(value: string): string | undefined {
  try {
    new RegExp(value);
    return undefined;
  } catch {
    return 'Not a valid regular expression.';
  }
}

function headerProblem(c: ConditionRow, j: number, all: readonly ConditionRow[]): string | undefined {
  const name = c.name.trim();
  if (name === '') return 'Enter a header name.';
  if (!HEADER_NAME.test(name)) return 'Header names are lower case, such as x-user.';
  if (all.findIndex((o) => o.kind === 'header' && o.name.trim() === name) < j) return `${name} already has a condition in this rule.`;
  return undefined;
}

function checkCondition(out: FieldError[], at: string, c: ConditionRow, j: number, all: readonly ConditionRow[]): void {
  if (c.kind === 'header') check(out, `${at}.name`, headerProblem(c, j, all));
  else if (all.findIndex((o) => o.kind === 'uri') < j) check(out, `${at}.value`, 'A rule can have one URI condition only.');
  if (c.value === '') check(out, `${at}.value`, 'Enter a value to match.');
  else if (c.match === 'regex') check(out, `${at}.value`, regexProblem(c.value));
}

function checkRule(out: FieldError[], i: number, rule: RuleRow, subsets: readonly string[]): void {
  const at = `rules[${i}]`;
  if (rule.match.length === 0) out.push({ field: `${at}.match`, message: 'Add a condition: a rule without one catches every request, so the rules and route after it are never used.' });
  rule.match.forEach((c, j) => checkCondition(out, `${at}.match[${j}]`, c, j, rule.match));
  if (rule.route.length === 0) out.push({ field: `${at}.route`, message: 'Add a destination for the matching requests.' });
  const before = out.length;
  rule.route.forEach((d, k) => {
    if (d.subset === '') check(out, `${at}.route[${k}].subset`, 'Choose a version.');
    else if (!subsets.includes(d.subset)) check(out, `${at}.route[${k}].subset`, `No version has the subset ${d.subset}.`);
    else if (rule.route.findIndex((x) => x.subset === d.subset) !== k) check(out, `${at}.route[${k}].subset`, `${d.subset} is already a destination of this rule.`);
    check(out, `${at}.route[${k}].weight`, wholeProblem(d.weight, 0, 100));
  });
  const sum = rule.route.reduce((s, d) => s + (wholeNumber(d.weight) ?? 0), 0);
  if (out.length === before && rule.route.length > 0 && sum !== 100) out.push({ field: `${at}.route`, message: `The weights add up to ${sum}%; they must add up to 100%.` });
}

function checkRules(form: RulesForm, model: TrafficModel): FieldError[] {
  const out: FieldError[] = [];
  const subsets = subsetChoices(model);
  form.rules.forEach((rule, i) => checkRule(out, i, rule, subsets));
  return out;
}

const conditionOf = (c: ConditionRow): MatchCondition =>
  c.kind === 'header' ? { kind: 'header', name: c.name.trim(), match: c.match, value: c.value } : { kind: 'uri', match: c.match, value: c.value };

/** The rules as the edit carries them. */
export function rulesOf(form: RulesForm): RoutingRule[] {
  return form.rules.map((r) => ({
    ...(r.name.trim() ? { name: r.name.trim() } : {}),
    match: r.match.map(conditionOf),
    route: r.route.map((d) => ({ subset: d.subset, weight: wholeNumber(d.weight) ?? 0 })),
  }));
}

export const rulesSpec: SectionSpec<RulesForm> = {
  init: initRules,
  check: checkRules,
  toEdit: (form, model) => editFrom(model, { rules: rulesOf(form) }),
};
