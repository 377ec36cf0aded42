// Reads a VirtualService's HTTP routes into the form's settings, noting in words whatever the form cannot show.
// Pure.
//
// The form edits a route only as a whole, so a field it does not model would be lost or misread on save: each such
// field is reported (with its path) and the model is marked unsupported instead.

import { list, record, str } from '../istio/read';
import { qualifyHost } from '../istio/hosts';
import type { FaultInjection, MatchCondition, Retries, RoutingRule, TrafficSettings, WeightedSubset } from './types';

/** Where the routes are read from, and where the problems go. */
export interface RouteContext {
  /** The service's FQDN: every destination must resolve to it. */
  fqdn: string;
  /** The VirtualService's namespace, which short hosts are resolved in. */
  namespace: string;
  problems: string[];
}

const STRING_MATCH = ['exact', 'prefix', 'regex'] as const;

// What each unmodelled route field does, in the words the list of reasons shows.
const ROUTE_FIELD_WORDS: Record<string, string> = {
  mirror: 'mirrors traffic',
  mirrors: 'mirrors traffic',
  mirrorPercentage: 'mirrors traffic',
  mirrorPercent: 'mirrors traffic',
  rewrite: 'rewrites the request',
  redirect: 'redirects requests',
  directResponse: 'answers requests directly',
  delegate: 'delegates to another VirtualService',
  headers: 'changes request or response headers',
  corsPolicy: 'sets a CORS policy',
};

/** The keys of an object whose value is set (null counts as unset, as the API server reads it). */
export function setKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== null && o[k] !== undefined);
}

function unmodelled(o: Record<string, unknown>, allowed: readonly string[], at: string, ctx: RouteContext, words: Record<string, string> = {}): void {
  for (const key of setKeys(o).filter((k) => !allowed.includes(k))) {
    ctx.problems.push(`${at} ${words[key] ?? 'uses a field the form does not edit'} (${key})`);
  }
}

function stringMatch(v: unknown, at: string, ctx: RouteContext): { match: MatchCondition['match']; value: string } | undefined {
  const m = record(v);
  const kinds = m ? STRING_MATCH.filter((k) => typeof m[k] === 'string') : [];
  const kind = kinds[0];
  if (!m || kinds.length !== 1 || kind === undefined || setKeys(m).length !== 1) {
    ctx.problems.push(`${at} is not one exact, prefix or regex match`);
    return undefined;
  }
  return { match: kind, value: str(m[kind]) ?? '' };
}

function readMatch(v: unknown, at: string, ctx: RouteContext): MatchCondition[] {
  const m = record(v) ?? {};
  unmodelled(m, ['uri', 'headers'], at, ctx, { method: 'matches on the method', queryParams: 'matches on query parameters', sourceLabels: 'matches on the source workload', port: 'matches on the port', gateways: 'matches on the gateway', withoutHeaders: 'matches on absent headers', ignoreUriCase: 'ignores the URI case' });
  const conditions: MatchCondition[] = [];
  if (m.uri !== undefined && m.uri !== null) {
    const s = stringMatch(m.uri, `${at}.uri`, ctx);
    if (s) conditions.push({ kind: 'uri', ...s });
  }
  for (const [name, hv] of Object.entries(record(m.headers) ?? {})) {
    const s = stringMatch(hv, `${at}.headers.${name}`, ctx);
    if (s) conditions.push({ kind: 'header', name, ...s });
  }
  if (setKeys(m).length === 0) ctx.problems.push(`${at} is empty, so the rule matches every request`);
  return conditions;
}

function readDestinations(v: unknown, at: string, ctx: RouteContext): WeightedSubset[] {
  const entries = list(v);
  if (entries.length === 0) ctx.problems.push(`${at} has no destinations`);
  return entries.flatMap((e, i) => {
    const entry = record(e) ?? {};
    const where = `${at}[${i}]`;
    unmodelled(entry, ['destination', 'weight'], where, ctx, ROUTE_FIELD_WORDS);
    const d = record(entry.destination) ?? {};
    unmodelled(d, ['host', 'subset'], `${where}.destination`, ctx, { port: 'routes to a port' });
    const host = str(d.host);
    if (host === undefined) ctx.problems.push(`${where}.destination has no host`);
    else if (qualifyHost(host, ctx.namespace) !== ctx.fqdn) ctx.problems.push(`${where}.destination sends traffic to another host (${host})`);
    const weight = entry.weight ?? undefined;
    if (weight !== undefined && !(typeof weight === 'number' && Number.isInteger(weight))) {
      ctx.problems.push(`${where}.weight is not a whole number (${JSON.stringify(weight)})`);
    }
    // Istio's reference: a lone destination receives all traffic; otherwise an unset weight is 0.
    const implied = entries.length === 1 ? 100 : 0;
    return [{ subset: str(d.subset) ?? '', weight: typeof weight === 'number' ? weight : implied }];
  });
}

function percentOf(part: Record<string, unknown>, at: string, ctx: RouteContext): number {
  const value = record(part.percentage)?.value;
  if (typeof value !== 'number') ctx.problems.push(`${at} has no percentage.value (Istio's reference reads that as no request affected)`);
  return typeof value === 'number' ? value : 0;
}

function readFault(v: unknown, at: string, ctx: RouteContext): FaultInjection | undefined {
  const f = record(v);
  if (!f) return undefined;
  unmodelled(f, ['delay', 'abort'], at, ctx);
  const delay = record(f.delay);
  const abort = record(f.abort);
  const fault: FaultInjection = {};
  if (delay) {
    unmodelled(delay, ['percentage', 'fixedDelay'], `${at}.delay`, ctx, { percent: 'uses the deprecated integer percent', exponentialDelay: 'uses an exponential delay' });
    const fixedDelay = str(delay.fixedDelay);
    if (fixedDelay === undefined) ctx.problems.push(`${at}.delay has no fixedDelay`);
    fault.delay = { percent: percentOf(delay, `${at}.delay`, ctx), fixedDelay: fixedDelay ?? '' };
  }
  if (abort) {
    unmodelled(abort, ['percentage', 'httpStatus'], `${at}.abort`, ctx, { grpcStatus: 'aborts with a gRPC status', http2Error: 'aborts with an HTTP/2 error' });
    const httpStatus = abort.httpStatus;
    if (typeof httpStatus !== 'number') ctx.problems.push(`${at}.abort has no httpStatus`);
    fault.abort = { percent: percentOf(abort, `${at}.abort`, ctx), httpStatus: typeof httpStatus === 'number' ? httpStatus : 0 };
  }
  return fault;
}

function readRetries(v: unknown, at: string, ctx: RouteContext): Retries | undefined {
  const r = record(v);
  if (!r) return undefined;
  unmodelled(r, ['attempts', 'perTryTimeout', 'retryOn'], at, ctx);
  if (typeof r.attempts !== 'number') ctx.problems.push(`${at} has no attempts`);
  const perTryTimeout = str(r.perTryTimeout);
  const retryOn = str(r.retryOn);
  return { attempts: typeof r.attempts === 'number' ? r.attempts : 0, ...(perTryTimeout !== undefined ? { perTryTimeout } : {}), ...(retryOn !== undefined ? { retryOn } : {}) };
}

function readRule(route: Record<string, unknown>, at: string, ctx: RouteContext): RoutingRule {
  unmodelled(route, ['name', 'match', 'route'], at, ctx, {
    ...ROUTE_FIELD_WORDS,
    fault: 'injects faults of its own (the form sets them on the default route only)',
    timeout: 'has a timeout of its own (the form sets it on the default route only)',
    retries: 'retries on its own terms (the form sets retries on the default route only)',
  });
  const matches = list(route.match);
  if (matches.length > 1) ctx.problems.push(`${at}.match lists ${matches.length} alternatives; a rule of the form needs all its conditions to hold`);
  const name = str(route.name);
  return { ...(name !== undefined ? { name } : {}), match: readMatch(matches[0], `${at}.match[0]`, ctx), route: readDestinations(route.route, `${at}.route`, ctx) };
}

/** The rules and default route of a VirtualService's `http` list; what the form cannot show goes to `ctx.problems`. */
export function readHttpRoutes(http: unknown, ctx: RouteContext): Omit<TrafficSettings, 'circuitBreaker'> {
  const routes = list(http).map((r) => record(r) ?? {});
  const isDefault = (r: Record<string, unknown>) => list(r.match).length === 0;
  const last = routes.at(-1);
  const defaultRoute = last && isDefault(last) ? last : undefined;
  const ruleRoutes = defaultRoute ? routes.slice(0, -1) : routes;
  const settings: Omit<TrafficSettings, 'circuitBreaker'> = { routes: [], rules: [] };
  ruleRoutes.forEach((r, i) => {
    if (isDefault(r)) ctx.problems.push(`spec.http[${i}] has no match but is not the last route, so the routes after it are never used`);
    else settings.rules.push(readRule(r, `spec.http[${i}]`, ctx));
  });
  if (defaultRoute) {
    const at = `spec.http[${routes.length - 1}]`;
    unmodelled(defaultRoute, ['name', 'match', 'route', 'fault', 'timeout', 'retries'], at, ctx, ROUTE_FIELD_WORDS);
    settings.routes = readDestinations(defaultRoute.route, `${at}.route`, ctx);
    const fault = readFault(defaultRoute.fault, `${at}.fault`, ctx);
    const timeout = str(defaultRoute.timeout);
    const retries = readRetries(defaultRoute.retries, `${at}.retries`, ctx);
    if (fault) settings.fault = fault;
    if (timeout !== undefined) settings.timeout = timeout;
    if (retries) settings.retries = retries;
  }
  return settings;
}
