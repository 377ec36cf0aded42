// Checks a traffic edit sent by the form: its shape, then each value against Istio's rules, one message per field.
// Pure; never throws.

import { CIRCUIT_BREAKER_PATHS } from './circuit-breaker';
import { durationProblem } from './durations';
import { fieldOf, trafficEditSchema } from './edit-schema';
import { routableSubsets } from './read-model';
import { modelSubsets } from './write-destination-rule';
import type { FieldError, RoutingRule, TrafficEdit, TrafficModel, WeightedSubset } from './types';

// Istio's reference: header keys are lowercase, hyphen-separated; anything else is not an HTTP token at all.
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const RETRY_ON = /^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/;

function wholeIn(v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

function checkRoute(route: readonly WeightedSubset[], field: string, known: Set<string>, errors: FieldError[]): void {
  route.forEach((ws, i) => {
    if (!wholeIn(ws.weight, 0, 100)) errors.push({ field: `${field}[${i}].weight`, message: `must be a whole number from 0 to 100 (got ${ws.weight})` });
    if (!known.has(ws.subset)) errors.push({ field: `${field}[${i}].subset`, message: `"${ws.subset}" is neither a subset of the DestinationRule nor a version of the service` });
    else if (route.findIndex((o) => o.subset === ws.subset) < i) errors.push({ field: `${field}[${i}].subset`, message: `"${ws.subset}" is already a destination of this route` });
  });
  const sum = route.reduce((s, ws) => s + ws.weight, 0);
  if (route.length > 0 && route.every((ws) => wholeIn(ws.weight, 0, 100)) && sum !== 100) {
    errors.push({ field, message: `weights must add up to 100 (they add up to ${sum})` });
  }
}

function checkRule(rule: RoutingRule, field: string, known: Set<string>, errors: FieldError[]): void {
  if (rule.match.length === 0) errors.push({ field: `${field}.match`, message: 'needs at least one condition; requests matching none go to the default route' });
  if (rule.route.length === 0) errors.push({ field: `${field}.route`, message: 'needs at least one destination' });
  if (rule.match.filter((c) => c.kind === 'uri').length > 1) errors.push({ field: `${field}.match`, message: 'can hold one URI condition only' });
  rule.match.forEach((c, i) => {
    const at = `${field}.match[${i}]`;
    if (c.value === '') errors.push({ field: `${at}.value`, message: 'must not be empty' });
    if (c.kind !== 'header') return;
    if (!HEADER_NAME.test(c.name)) errors.push({ field: `${at}.name`, message: `"${c.name}" is not a valid header name: use lowercase letters, digits and hyphens (x-user)` });
    else if (rule.match.findIndex((o) => o.kind === 'header' && o.name === c.name) < i) errors.push({ field: `${at}.name`, message: `"${c.name}" already has a condition in this rule` });
  });
  checkRoute(rule.route, `${field}.route`, known, errors);
}

function checkDuration(v: string | undefined, field: string, errors: FieldError[]): void {
  const problem = v === undefined ? undefined : durationProblem(v);
  if (problem) errors.push({ field, message: problem });
}

function checkPercent(v: number, field: string, errors: FieldError[]): void {
  if (!(v >= 0 && v <= 100)) errors.push({ field, message: `must be a percentage from 0 to 100 (got ${v})` });
}

function domainErrors(edit: TrafficEdit, model: TrafficModel): FieldError[] {
  const errors: FieldError[] = [];
  // A subset the live VirtualService already routes to stays acceptable: its rule may live outside the namespace.
  const known = new Set([...routableSubsets(model), ...modelSubsets(model)]);
  if (model.virtualService && !edit.resourceVersion) {
    errors.push({ field: 'resourceVersion', message: `is required: the VirtualService ${model.virtualService.name} exists, and its version as read guards against overwriting a change made meanwhile` });
  }
  if (model.destinationRule && !edit.destinationRuleVersion) {
    errors.push({ field: 'destinationRuleVersion', message: `is required: the DestinationRule ${model.destinationRule.name} exists, and its version as read guards against overwriting a change made meanwhile` });
  }
  const hasRoutes = edit.routes.length > 0 || edit.rules.length > 0 || edit.fault || edit.timeout !== undefined || edit.retries;
  if (model.virtualService && !hasRoutes) {
    errors.push({ field: 'routes', message: `a VirtualService needs at least one route; delete ${model.virtualService.name} in the YAML editor to go back to Istio's default` });
  }
  checkRoute(edit.routes, 'routes', known, errors);
  edit.rules.forEach((rule, i) => checkRule(rule, `rules[${i}]`, known, errors));
  const { delay, abort } = edit.fault ?? {};
  if (delay) {
    checkPercent(delay.percent, 'fault.delay.percent', errors);
    checkDuration(delay.fixedDelay, 'fault.delay.fixedDelay', errors);
  }
  if (abort) {
    checkPercent(abort.percent, 'fault.abort.percent', errors);
    if (!wholeIn(abort.httpStatus, 200, 599)) errors.push({ field: 'fault.abort.httpStatus', message: `must be an HTTP status from 200 to 599 (got ${abort.httpStatus})` });
  }
  if (edit.fault && !delay && !abort) errors.push({ field: 'fault', message: 'needs a delay or an abort' });
  checkDuration(edit.timeout, 'timeout', errors);
  if (edit.retries) {
    const { attempts, perTryTimeout, retryOn } = edit.retries;
    if (!wholeIn(attempts, 0, Number.MAX_SAFE_INTEGER)) errors.push({ field: 'retries.attempts', message: `must be a whole number, 0 or more (got ${attempts})` });
    checkDuration(perTryTimeout, 'retries.perTryTimeout', errors);
    if (retryOn !== undefined && !RETRY_ON.test(retryOn)) errors.push({ field: 'retries.retryOn', message: 'must be conditions separated by commas, without spaces (5xx,connect-failure)' });
  }
  for (const { key, kind } of CIRCUIT_BREAKER_PATHS) {
    const v = edit.circuitBreaker?.[key];
    const field = `circuitBreaker.${key}`;
    if (kind === 'duration') checkDuration(v as string | undefined, field, errors);
    else if (typeof v === 'number' && key === 'maxEjectionPercent' && !wholeIn(v, 0, 100)) errors.push({ field, message: `must be a whole percentage from 0 to 100 (got ${v})` });
    else if (typeof v === 'number' && key !== 'maxEjectionPercent' && !wholeIn(v, 1, 2 ** 31 - 1)) errors.push({ field, message: `must be a whole number, 1 or more (got ${v})` });
  }
  return errors;
}

/** The edit when its shape and every value are acceptable for the model; otherwise one error per faulty field. */
export function validateTrafficEdit(raw: unknown, model: TrafficModel): { ok: true; edit: TrafficEdit } | { ok: false; errors: FieldError[] } {
  const parsed = trafficEditSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: fieldOf(i.path) || 'body', message: i.message })) };
  const edit = parsed.data as TrafficEdit;
  const errors = domainErrors(edit, model);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, edit };
}
