import { describe, expect, it } from 'vitest';
import { planTrafficObjects } from './plan-objects';
import { readTrafficModel } from './read-model';
import { bookinfoService, changedPaths, editOf, resourceOf } from './testing';
import type { TrafficEdit, TrafficModel } from './types';

type Obj = Record<string, unknown>;
const reviews = bookinfoService('bookinfo', 'reviews');

function modelOf(vs?: Obj, dr?: Obj): TrafficModel {
  return readTrafficModel({ namespace: 'bookinfo', ...reviews, virtualServices: vs ? [resourceOf(vs)] : [], destinationRules: dr ? [resourceOf(dr)] : [] });
}


const drV1V2: Obj = {
  apiVersion: 'networking.istio.io/v1beta1',
  kind: 'DestinationRule',
  metadata: { name: 'reviews-dr', namespace: 'bookinfo', resourceVersion: '20', labels: { team: 'a' }, annotations: { note: 'kept' } },
  spec: { host: 'reviews.bookinfo.svc.cluster.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } }, subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } }] },
};

const vsWithFault: Obj = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '10', labels: { owner: 'me' } },
  spec: {
    hosts: ['reviews'],
    http: [
      { name: 'jason', match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
      { name: 'default', route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 100 }], fault: { abort: { percentage: { value: 10 }, httpStatus: 503 } }, timeout: '2s' },
    ],
  },
};

describe('planTrafficObjects', () => {
  it('creates a VirtualService and a DestinationRule from nothing for 0/50/50 over v1/v2/v3', () => {
    const model = modelOf();
    expect(model.routes).toEqual([]);
    const edit = editOf(model, { routes: [{ subset: 'v1', weight: 0 }, { subset: 'v2', weight: 50 }, { subset: 'v3', weight: 50 }] });
    const plan = planTrafficObjects({ model, edit });
    expect(plan.vsAction).toBe('create');
    expect(plan.drAction).toBe('create');
    expect(plan.virtualService).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { hosts: ['reviews'], http: [{ route: [0, 50, 50].map((weight, i) => ({ destination: { host: 'reviews', subset: `v${i + 1}` }, weight })) }] },
    });
    expect(plan.destinationRule).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { host: 'reviews', subsets: ['v1', 'v2', 'v3'].map((v) => ({ name: v, labels: { version: v } })) },
    });
    // What was written reads back as the edit, every version now with its subset.
    const again = modelOf(plan.virtualService, plan.destinationRule);
    expect(again.routes).toEqual(edit.routes);
    expect(again.versions.map((v) => v.subset)).toEqual(['v1', 'v2', 'v3']);
  });

  it('appends subset v3 to a rule missing it, touching nothing else', () => {
    const vs = { ...vsWithFault, spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 100 }] }] } };
    const model = modelOf(vs, drV1V2);
    const edit = editOf(model, { routes: [{ subset: 'v1', weight: 50 }, { subset: 'v3', weight: 50 }] });
    const plan = planTrafficObjects({ model, liveVirtualService: vs, liveDestinationRule: drV1V2, edit });
    expect(plan.drAction).toBe('update');
    expect(changedPaths(drV1V2, plan.destinationRule)).toEqual(['apiVersion', 'spec.subsets[2]']);
    expect(plan.destinationRule?.spec).toMatchObject({ subsets: [{ name: 'v1' }, { name: 'v2' }, { name: 'v3', labels: { version: 'v3' } }] });
    // The new destination takes the host as the VirtualService spells it.
    expect(changedPaths(vs, plan.virtualService)).toEqual(['spec.http[0].route[0].weight', 'spec.http[0].route[1]']);
    expect((plan.virtualService?.spec as { http: { route: unknown[] }[] }).http[0]?.route[1]).toEqual({ destination: { host: 'reviews', subset: 'v3' }, weight: 50 });
  });

  it('removes only `fault` when the fault is removed', () => {
    const model = modelOf(vsWithFault, drV1V2);
    expect(model.unsupported).toEqual([]);
    const plan = planTrafficObjects({ model, liveVirtualService: vsWithFault, liveDestinationRule: drV1V2, edit: editOf(model, { fault: undefined }) });
    expect([plan.vsAction, plan.drAction]).toEqual(['update', 'unchanged']);
    expect(changedPaths(vsWithFault, plan.virtualService)).toEqual(['spec.http[1].fault']);
  });

  it.each<[string, Partial<TrafficEdit>, string[]]>([
    ['a timeout', { timeout: '3s' }, ['spec.http[1].timeout']],
    ['the abort status', { fault: { abort: { percent: 10, httpStatus: 500 } } }, ['spec.http[1].fault.abort.httpStatus']],
    ['a delay added', { fault: { abort: { percent: 10, httpStatus: 503 }, delay: { percent: 5, fixedDelay: '1s' } } }, ['spec.http[1].fault.delay']],
    ['the rule header value', { rules: [{ name: 'jason', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'kim' }], route: [{ subset: 'v2', weight: 100 }] }] }, ['spec.http[0].match[0].headers.end-user.exact']],
    ['the rule name', { rules: [{ name: 'kim', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'jason' }], route: [{ subset: 'v2', weight: 100 }] }] }, ['spec.http[0].name']],
    ['retries', { retries: { attempts: 2 } }, ['spec.http[1].retries']],
  ])('changes only what changed: %s', (_, change, paths) => {
    const model = modelOf(vsWithFault, drV1V2);
    const plan = planTrafficObjects({ model, liveVirtualService: vsWithFault, liveDestinationRule: drV1V2, edit: editOf(model, change) });
    expect(changedPaths(vsWithFault, plan.virtualService)).toEqual(paths);
    expect(plan.drAction).toBe('unchanged');
  });

  it('sets and clears circuit-breaker knobs in the DestinationRule only', () => {
    const model = modelOf(vsWithFault, drV1V2);
    const set = planTrafficObjects({ model, liveVirtualService: vsWithFault, liveDestinationRule: drV1V2, edit: editOf(model, { circuitBreaker: { maxConnections: 10, consecutive5xxErrors: 5 } }) });
    expect([set.vsAction, set.drAction]).toEqual(['unchanged', 'update']);
    expect(changedPaths(drV1V2, set.destinationRule)).toEqual(['apiVersion', 'spec.trafficPolicy.connectionPool', 'spec.trafficPolicy.outlierDetection']);
    const withCb = set.destinationRule ?? {};
    const model2 = modelOf(vsWithFault, withCb);
    expect(model2.circuitBreaker).toEqual({ maxConnections: 10, consecutive5xxErrors: 5 });
    const cleared = planTrafficObjects({ model: model2, liveVirtualService: vsWithFault, liveDestinationRule: withCb, edit: editOf(model2, { circuitBreaker: { consecutive5xxErrors: 5 } }) });
    expect(changedPaths(withCb, cleared.destinationRule)).toEqual(['spec.trafficPolicy.connectionPool']);
  });

  it('refuses a model the form cannot represent', () => {
    const vs = { ...vsWithFault, spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }], mirror: { host: 'reviews', subset: 'v2' } }] } };
    const model = modelOf(vs);
    expect(model.unsupported).toEqual(['spec.http[0] mirrors traffic (mirror)']);
    expect(() => planTrafficObjects({ model, liveVirtualService: vs, edit: editOf(model, { timeout: '1s' }) })).toThrow(/mirrors traffic/);
  });
});
