// Writes the form's settings into a VirtualService, touching only what changed. Pure.
//
// Meshscope edits VirtualServices it did not create (DESIGN §5), so an update starts from the live object and
// changes only the fields whose model value differs between the model as read and the edit: host spelling, order,
// names and every field the form does not show stay exactly as they were.

import { list, record, str } from '../istio/read';
import { same, setOrDelete } from './same';
import type { FaultInjection, MatchCondition, Retries, RoutingRule, TrafficEdit, TrafficModel, TrafficSettings, WeightedSubset } from './types';

type Obj = Record<string, unknown>;

/** The API version Meshscope writes. */
export const NETWORKING_V1 = 'networking.istio.io/v1';

function destinationEntry(host: string, ws: WeightedSubset): Obj {
  return { destination: { host, ...(ws.subset !== '' ? { subset: ws.subset } : {}) }, weight: ws.weight };
}

// Entries keep their place and fields when their subset stays; only a changed weight is rewritten.
function patchDestinations(live: unknown, before: readonly WeightedSubset[], after: readonly WeightedSubset[], host: string): unknown[] {
  const entries = list(live);
  const used = new Set<number>();
  return after.map((ws, i) => {
    const j = before[i]?.subset === ws.subset && !used.has(i) ? i : before.findIndex((b, k) => b.subset === ws.subset && !used.has(k));
    const entry = record(entries[j]);
    if (j < 0 || !entry) return destinationEntry(host, ws);
    used.add(j);
    return before[j]?.weight === ws.weight ? entry : { ...entry, weight: ws.weight };
  });
}

function matchOf(conditions: readonly MatchCondition[]): Obj {
  const uri = conditions.find((c) => c.kind === 'uri');
  const headers = conditions.flatMap((c) => (c.kind === 'header' ? [[c.name, { [c.match]: c.value }] as const] : []));
  return { ...(uri ? { uri: { [uri.match]: uri.value } } : {}), ...(headers.length > 0 ? { headers: Object.fromEntries(headers) } : {}) };
}

function patchRule(live: Obj | undefined, before: RoutingRule | undefined, after: RoutingRule, host: string): Obj {
  if (!live || !before) return { ...(after.name !== undefined ? { name: after.name } : {}), match: [matchOf(after.match)], route: after.route.map((ws) => destinationEntry(host, ws)) };
  if (same(before, after)) return live;
  const rule = { ...live };
  if (before.name !== after.name) setOrDelete(rule, 'name', after.name);
  if (!same(before.match, after.match)) rule.match = [matchOf(after.match)];
  if (!same(before.route, after.route)) rule.route = patchDestinations(live.route, before.route, after.route, host);
  return rule;
}

function patchPart<T extends object>(live: unknown, before: T | undefined, after: T | undefined, apply: (o: Obj, b: Partial<T>, a: T) => void): Obj | undefined {
  if (!after) return undefined;
  const o = before ? { ...(record(live) ?? {}) } : {};
  apply(o, before ?? {}, after);
  return o;
}

function withPercent(live: unknown, percent: number): Obj {
  return { ...(record(live) ?? {}), value: percent };
}

function patchFault(live: unknown, before: FaultInjection | undefined, after: FaultInjection | undefined): Obj | undefined {
  return patchPart(live, before, after, (fault, b, a) => {
    const delay = patchPart(fault.delay, b.delay, a.delay, (d, bd, ad) => {
      if (bd.percent !== ad.percent) d.percentage = withPercent(d.percentage, ad.percent);
      if (bd.fixedDelay !== ad.fixedDelay) d.fixedDelay = ad.fixedDelay;
    });
    const abort = patchPart(fault.abort, b.abort, a.abort, (ab, ba, aa) => {
      if (ba.httpStatus !== aa.httpStatus) ab.httpStatus = aa.httpStatus;
      if (ba.percent !== aa.percent) ab.percentage = withPercent(ab.percentage, aa.percent);
    });
    if (!same(b.delay, a.delay)) setOrDelete(fault, 'delay', delay);
    if (!same(b.abort, a.abort)) setOrDelete(fault, 'abort', abort);
  });
}

function patchRetries(live: unknown, before: Retries | undefined, after: Retries | undefined): Obj | undefined {
  return patchPart(live, before, after, (r, b, a) => {
    for (const key of ['attempts', 'perTryTimeout', 'retryOn'] as const) if (b[key] !== a[key]) setOrDelete(r, key, a[key]);
  });
}

// The default route of an edit; without destinations of its own it sends everything to the whole service, so a
// fault or timeout can be set on a service that had no VirtualService.
function defaultDestinations(edit: TrafficEdit): WeightedSubset[] {
  return edit.routes.length > 0 ? edit.routes : [{ subset: '', weight: 100 }];
}

// A new VirtualService with rules only would answer 404 to every request no rule matches, where the service used to
// answer: it gets a default route to the whole service.
function hasDefaultRoute(edit: TrafficEdit, creating: boolean): boolean {
  return edit.routes.length > 0 || edit.fault !== undefined || edit.timeout !== undefined || edit.retries !== undefined || (creating && edit.rules.length > 0);
}

function patchDefault(live: Obj | undefined, model: TrafficModel, edit: TrafficEdit, host: string): Obj | undefined {
  if (!hasDefaultRoute(edit, model.virtualService === undefined)) return undefined;
  const route = live ? { ...live } : {};
  const before: Omit<TrafficSettings, 'rules'> = live ? model : { routes: [] };
  const after = defaultDestinations(edit);
  if (!same(before.routes, after)) route.route = patchDestinations(route.route, before.routes, after, host);
  if (!same(before.fault, edit.fault)) setOrDelete(route, 'fault', patchFault(route.fault, before.fault, edit.fault));
  if (before.timeout !== edit.timeout) setOrDelete(route, 'timeout', edit.timeout);
  if (!same(before.retries, edit.retries)) setOrDelete(route, 'retries', patchRetries(route.retries, before.retries, edit.retries));
  return route;
}

/** Whether an edit changes anything the VirtualService holds. */
export function changesVirtualService(model: TrafficModel, edit: TrafficEdit): boolean {
  return (['routes', 'rules', 'fault', 'timeout', 'retries'] as const).some((k) => !same(model[k], edit[k]));
}

/** The host spelling new destinations use: that of the VirtualService's first destination, else its first host. */
function hostSpelling(spec: Obj, fallback: string): string {
  const first = list(spec.http).flatMap((r) => list(record(r)?.route)).map((e) => str(record(record(e)?.destination)?.host))[0];
  return first ?? str(list(spec.hosts)[0]) ?? fallback;
}

/** The VirtualService to write: the live one patched, or a new one named after the service when there is none. */
export function writeVirtualService(model: TrafficModel, edit: TrafficEdit, live: Obj | undefined): Obj {
  const spec = structuredClone(record(live?.spec) ?? { hosts: [model.service] });
  const host = hostSpelling(spec, model.service);
  const http = list(spec.http).map((r) => record(r) ?? {});
  const liveDefault = model.routes.length > 0 ? http[model.rules.length] : undefined;
  const rules = edit.rules.map((rule, i) => patchRule(http[i], model.rules[i], rule, host));
  const defaultRoute = patchDefault(liveDefault, model, edit, host);
  spec.http = [...rules, ...(defaultRoute ? [defaultRoute] : [])];
  const metadata = { ...(record(live?.metadata) ?? { name: model.service }), namespace: str(record(live?.metadata)?.namespace) ?? model.namespace };
  setOrDelete(metadata, 'resourceVersion', live ? edit.resourceVersion : undefined);
  return { ...(live ?? {}), apiVersion: NETWORKING_V1, kind: 'VirtualService', metadata, spec };
}
