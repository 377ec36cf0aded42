import { describe, expect, it } from 'vitest';
import { readTrafficModel } from './read-model';
import { bookinfoService, resourceOf } from './testing';
import type { TrafficEdit } from './types';
import { validateTrafficEdit } from './validate-edit';

const vs = resourceOf({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '7' },
  spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 50 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 50 }] }] },
});
const dr = resourceOf({
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '8' },
  spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] },
});
const model = readTrafficModel({ namespace: 'bookinfo', ...bookinfoService('bookinfo', 'reviews'), virtualServices: [vs], destinationRules: [dr] });

const valid: TrafficEdit = {
  resourceVersion: '7',
  destinationRuleVersion: '8',
  routes: [
    { subset: 'v1', weight: 40 },
    { subset: 'v2', weight: 30 },
    { subset: 'v3', weight: 30 },
  ],
  rules: [{ match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'jason' }], route: [{ subset: 'v2', weight: 100 }] }],
  fault: { delay: { percent: 10, fixedDelay: '1.5s' }, abort: { percent: 5, httpStatus: 503 } },
  timeout: '2m30s',
  retries: { attempts: 3, perTryTimeout: '100ms', retryOn: '5xx,connect-failure' },
  circuitBreaker: { maxConnections: 100, interval: '10s', maxEjectionPercent: 50 },
};

function errorsOf(change: (e: TrafficEdit) => void): { field: string; message: string }[] {
  const edit = structuredClone(valid);
  change(edit);
  const result = validateTrafficEdit(edit, model);
  return result.ok ? [] : result.errors;
}

describe('validateTrafficEdit', () => {
  it('accepts a valid edit, with version v3 that has no subset yet', () => {
    expect(model.versions.map((v) => `${v.version}:${v.subset ?? '-'}`)).toEqual(['v1:v1', 'v2:v2', 'v3:-']);
    expect(validateTrafficEdit(valid, model)).toEqual({ ok: true, edit: valid });
  });

  it.each<[string, (e: TrafficEdit) => void, string, RegExp]>([
    ['weights not summing to 100', (e) => void (e.routes[0] = { subset: 'v1', weight: 50 }), 'routes', /add up to 100 \(they add up to 110\)/],
    ['a negative weight', (e) => void (e.routes = [{ subset: 'v1', weight: -10 }, { subset: 'v2', weight: 60 }, { subset: 'v3', weight: 50 }]), 'routes[0].weight', /whole number from 0 to 100 \(got -10\)/],
    ['a fractional weight', (e) => void (e.routes = [{ subset: 'v1', weight: 50 }, { subset: 'v2', weight: 49.5 }]), 'routes[1].weight', /whole number/],
    ['a rule weight', (e) => void (e.rules[0]!.route[0]!.weight = 90), 'rules[0].route', /add up to 100/],
    ['a percent above 100', (e) => void (e.fault!.delay!.percent = 101), 'fault.delay.percent', /from 0 to 100 \(got 101\)/],
    ['a duration with a space', (e) => void (e.fault!.delay!.fixedDelay = '5 s'), 'fault.delay.fixedDelay', /"5 s" is not an Istio duration/],
    ['a timeout without unit', (e) => void (e.timeout = '5'), 'timeout', /not an Istio duration/],
    ['status 600', (e) => void (e.fault!.abort!.httpStatus = 600), 'fault.abort.httpStatus', /from 200 to 599 \(got 600\)/],
    ['status 199', (e) => void (e.fault!.abort!.httpStatus = 199), 'fault.abort.httpStatus', /from 200 to 599 \(got 199\)/],
    ['an unknown subset', (e) => void (e.routes[2]!.subset = 'v9'), 'routes[2].subset', /"v9" is neither a subset of the DestinationRule nor a version/],
    ['a subset twice', (e) => void (e.routes[2]!.subset = 'v1'), 'routes[2].subset', /already a destination/],
    ['a missing resourceVersion', (e) => void delete e.resourceVersion, 'resourceVersion', /is required/],
    ['a missing destinationRuleVersion', (e) => void delete e.destinationRuleVersion, 'destinationRuleVersion', /is required/],
    ['negative retries', (e) => void (e.retries!.attempts = -1), 'retries.attempts', /0 or more/],
    ['retryOn with spaces', (e) => void (e.retries!.retryOn = '5xx, reset'), 'retries.retryOn', /without spaces/],
    ['an uppercase header', (e) => void (e.rules[0]!.match[0] = { kind: 'header', name: 'End-User', match: 'exact', value: 'x' }), 'rules[0].match[0].name', /lowercase/],
    ['an empty match value', (e) => void (e.rules[0]!.match[0]!.value = ''), 'rules[0].match[0].value', /must not be empty/],
    ['a rule without conditions', (e) => void (e.rules[0]!.match = []), 'rules[0].match', /at least one condition/],
    ['a zero connection limit', (e) => void (e.circuitBreaker!.maxConnections = 0), 'circuitBreaker.maxConnections', /1 or more/],
    ['a fractional ejection percent', (e) => void (e.circuitBreaker!.maxEjectionPercent = 2.5), 'circuitBreaker.maxEjectionPercent', /whole percentage/],
    ['a bad interval', (e) => void (e.circuitBreaker!.interval = '10 s'), 'circuitBreaker.interval', /not an Istio duration/],
    ['a weight as text (shape)', (e) => void ((e.routes[0] as unknown as { weight: string }).weight = '40'), 'routes[0].weight', /number/],
    ['no route at all for an existing VirtualService', (e) => void Object.assign(e, { routes: [], rules: [], fault: undefined, timeout: undefined, retries: undefined }), 'routes', /needs at least one route/],
  ])('%s', (_, change, field, message) => {
    const errors = errorsOf(change);
    expect(errors.map((e) => e.field)).toEqual([field]);
    expect(errors[0]?.message).toMatch(message);
  });

  it('refuses a body that is no object, without throwing', () => {
    expect(validateTrafficEdit('routes', model)).toMatchObject({ ok: false, errors: [{ field: 'body' }] });
    expect(validateTrafficEdit(null, model).ok).toBe(false);
  });
});
