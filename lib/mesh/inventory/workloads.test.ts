import { describe, expect, it } from 'vitest';
import type { ControllerObject, PodObject } from './objects';
import { controller, pod } from './testing';
import { buildWorkloads, combineSidecar, hasSidecar, injectionOf, matchesSelector } from './workloads';

const build = (controllers: ControllerObject[], pods: PodObject[], labels: Record<string, string> = {}) =>
  buildWorkloads({ namespace: 'bookinfo', labels, controllers, pods });

const reviews = { app: 'reviews', version: 'v2' };
const hashed = { ...reviews, 'pod-template-hash': '5d8f' };

describe('buildWorkloads', () => {
  it('folds Pod → ReplicaSet → Deployment into one workload named after the Deployment', () => {
    const [w, ...rest] = build(
      [controller('Deployment', 'reviews-v2', reviews, { replicas: { desired: 2, ready: 2, available: 2 } }), controller('ReplicaSet', 'reviews-v2-5d8f', hashed, { owner: 'Deployment/reviews-v2' })],
      [pod('reviews-v2-5d8f-b', hashed, { owner: 'ReplicaSet/reviews-v2-5d8f', serviceAccount: 'bookinfo-reviews' }), pod('reviews-v2-5d8f-a', hashed, { owner: 'ReplicaSet/reviews-v2-5d8f', serviceAccount: 'bookinfo-reviews' })],
    );
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ name: 'reviews-v2', controller: 'Deployment', labels: reviews, replicas: { desired: 2, ready: 2, available: 2 }, serviceAccounts: ['bookinfo-reviews'], sidecar: 'injected' });
    expect(w?.pods.map((p) => p.meta.name)).toEqual(['reviews-v2-5d8f-a', 'reviews-v2-5d8f-b']);
  });

  it.each([
    ['a ReplicaSet of its own', [controller('ReplicaSet', 'legacy', { app: 'legacy', 'pod-template-hash': '9f' })], [pod('legacy-x', { app: 'legacy', 'pod-template-hash': '9f' }, { owner: 'ReplicaSet/legacy' })], 'legacy', 'ReplicaSet', { app: 'legacy' }],
    ['a StatefulSet', [controller('StatefulSet', 'mongodb', { app: 'mongodb' })], [pod('mongodb-0', { app: 'mongodb', 'statefulset.kubernetes.io/pod-name': 'mongodb-0' }, { owner: 'StatefulSet/mongodb' })], 'mongodb', 'StatefulSet', { app: 'mongodb' }],
    ['a DaemonSet', [controller('DaemonSet', 'node-agent', { app: 'agent' })], [pod('node-agent-abc', { app: 'agent', 'controller-revision-hash': '7f' }, { owner: 'DaemonSet/node-agent' })], 'node-agent', 'DaemonSet', { app: 'agent' }],
    ['a bare pod, its labels as they are', [], [pod('debug', { app: 'debug', 'pod-template-hash': 'kept' })], 'debug', 'Pod', { app: 'debug', 'pod-template-hash': 'kept' }],
    ['a Job only seen through its pods', [], [pod('migrate-x1', { app: 'migrate', 'job-name': 'migrate', 'batch.kubernetes.io/controller-uid': 'u' }, { owner: 'Job/migrate' })], 'migrate', 'Job', { app: 'migrate' }],
    ['a pod whose ReplicaSet is not listed', [], [pod('orphan-5d-x', { app: 'orphan', 'pod-template-hash': '5d' }, { owner: 'ReplicaSet/orphan-5d' })], 'orphan-5d', 'ReplicaSet', { app: 'orphan' }],
  ])('%s', (_, controllers, pods, name, kind, labels) => {
    const [w, ...rest] = build(controllers, pods);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ name, controller: kind, labels });
    expect(w?.pods).toHaveLength(pods.length);
  });

  it('adds up the ReplicaSets of an owner it does not list, described by the revision that wants the most pods', () => {
    const old = controller('ReplicaSet', 'checkout-1a', { app: 'checkout', version: 'v1', 'pod-template-hash': '1a' }, { owner: 'Rollout/checkout', replicas: { desired: 1, ready: 1, available: 1 } });
    const canary = controller('ReplicaSet', 'checkout-2b', { app: 'checkout', version: 'v2', 'pod-template-hash': '2b' }, { owner: 'Rollout/checkout', replicas: { desired: 3, ready: 2, available: 2 } });
    const [w, ...rest] = build([old, canary], [pod('checkout-2b-x', { app: 'checkout', version: 'v2' }, { owner: 'ReplicaSet/checkout-2b' })]);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ name: 'checkout', controller: 'Rollout', labels: { app: 'checkout', version: 'v2' }, replicas: { desired: 4, ready: 3, available: 3 } });
  });

  it('counts pods without a listed controller: completed ones are not wanted, unready ones not available', () => {
    const w = (pods: PodObject[]) => build([], pods)[0]?.replicas;
    expect(w([pod('job-a', {}, { owner: 'Job/j', phase: 'Succeeded', ready: false }), pod('job-b', {}, { owner: 'Job/j', ready: false })])).toEqual({ desired: 1, ready: 0, available: 0 });
    expect(w([pod('job-a', {}, { owner: 'Job/j', phase: 'Succeeded', ready: false })])).toEqual({ desired: 0, ready: 0, available: 0 });
    expect(w([pod('solo', {}, { phase: 'Failed', ready: false })])).toEqual({ desired: 1, ready: 0, available: 0 });
  });

  it.each([
    ['every pod injected', [true, true], 'injected'],
    ['one of two', [true, false], 'partial'],
    ['none', [false, false], 'missing'],
  ] as const)('sidecar status: %s → %s', (_, sidecars, status) => {
    const pods = sidecars.map((sidecar, i) => pod(`r-${i}`, reviews, { owner: 'ReplicaSet/r', sidecar }));
    expect(build([controller('ReplicaSet', 'r', reviews)], pods)[0]?.sidecar).toBe(status);
  });

  it.each([
    ['a template that already carries the proxy', { templateContainers: ['app', 'istio-proxy'] }, {}, 'injected'],
    ['an injecting namespace', {}, { 'istio-injection': 'enabled' }, 'injected'],
    ['a revision-labelled namespace', {}, { 'istio.io/rev': 'canary' }, 'injected'],
    ['a pod that opts out', { templateLabels: { app: 'x', 'sidecar.istio.io/inject': 'false' } }, { 'istio-injection': 'enabled' }, 'missing'],
    ['a pod that opts in', { templateLabels: { app: 'x', 'sidecar.istio.io/inject': 'true' } }, {}, 'injected'],
    ['a pod that opts in where injection is disabled', { templateLabels: { app: 'x', 'sidecar.istio.io/inject': 'true' } }, { 'istio-injection': 'disabled' }, 'missing'],
    ['nothing says inject', {}, {}, 'missing'],
  ])('a workload scaled to 0 predicts its sidecar from %s', (_, over, nsLabels, status) => {
    const scaled = controller('Deployment', 'x', { app: 'x' }, { replicas: { desired: 0, ready: 0, available: 0 }, ...over });
    expect(build([scaled], [], nsLabels)[0]?.sidecar).toBe(status);
  });

  it('takes service accounts from the pods, or from the template when none runs', () => {
    const accounts = (pods: PodObject[]) => build([controller('Deployment', 'd', { app: 'd' }, { serviceAccount: 'from-template' })], pods)[0]?.serviceAccounts;
    expect(accounts([])).toEqual(['from-template']);
    expect(accounts([pod('p1', {}, { owner: 'Deployment/d', serviceAccount: 'b' }), pod('p2', {}, { owner: 'Deployment/d', serviceAccount: 'a' })])).toEqual(['a', 'b']);
  });

  it('sorts workloads by name', () => {
    const names = build([controller('Deployment', 'b', {}), controller('StatefulSet', 'a', {})], [pod('c', {})]).map((w) => w.name);
    expect(names).toEqual(['a', 'b', 'c']);
  });
});

describe('hasSidecar', () => {
  it.each([
    ['the injector annotation', { 'sidecar.istio.io/status': '{}' }, ['app'], true],
    ['an istio-proxy container (a gateway)', {}, ['istio-proxy'], true],
    ['neither', { 'sidecar.istio.io/inject': 'false' }, ['app'], false],
  ])('%s → %s', (_, annotations, containers, expected) => {
    const p = pod('p', {}, { sidecar: false });
    expect(hasSidecar({ meta: { ...p.meta, annotations }, containers })).toBe(expected);
  });
});

describe('small rules', () => {
  it.each([
    [{ app: 'reviews' }, { app: 'reviews', version: 'v1' }, true],
    [{ app: 'reviews', version: 'v2' }, { app: 'reviews', version: 'v1' }, false],
    [{}, { app: 'reviews' }, false],
  ])('selector %o matches %o: %s', (selector, labels, expected) => {
    expect(matchesSelector(selector, labels)).toBe(expected);
  });

  it.each([
    [{ 'istio-injection': 'enabled' }, 'enabled'],
    [{ 'istio-injection': 'disabled', 'istio.io/rev': 'canary' }, 'disabled'],
    [{ 'istio.io/rev': 'canary' }, 'enabled'],
    [{}, 'unset'],
  ] as const)('namespace labels %o → injection %s', (labels, expected) => {
    expect(injectionOf(labels)).toBe(expected);
  });

  it.each([
    [['injected', 'injected'], 'injected'],
    [['injected', 'missing'], 'partial'],
    [['partial'], 'partial'],
    [['missing', 'missing'], 'missing'],
    [[], 'missing'],
  ] as const)('combines %o → %s', (states, expected) => {
    expect(combineSidecar(states)).toBe(expected);
  });
});
