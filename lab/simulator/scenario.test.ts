import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceBackends, serviceKey } from './topology';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../paths';
import type { Scenario, WorkloadSpec } from './model';
import { loadScenario, parseScenario, ScenarioError, validateScenario } from './scenario';

const ISTIO_BOOKINFO = resolve(ROOT, '../shared/reference/istio-samples/bookinfo/platform/kube/bookinfo.yaml');

const bookinfo = loadScenario('bookinfo');

function workload(scenario: Scenario, namespace: string, name: string): WorkloadSpec {
  const found = scenario.namespaces.find((ns) => ns.name === namespace)?.workloads.find((w) => w.name === name);
  if (!found) throw new Error(`no workload ${namespace}/${name}`);
  return found;
}

const callsOf = (namespace: string, name: string): string[] =>
  workload(bookinfo, namespace, name).calls.map((c) => `${c.service}.${c.namespace}×${c.perRequest}`);

describe('the bookinfo scenario', () => {
  it('has the two namespaces and their workloads', () => {
    expect(bookinfo.namespaces.map((ns) => [ns.name, ns.workloads.map((w) => w.name)])).toEqual([
      [
        'bookinfo',
        ['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1', 'ratings-v2', 'mongodb-v1'],
      ],
      ['travel', ['travels-v1', 'hotels-v1', 'flights-v1', 'discounts-v1']],
    ]);
  });

  it.each([
    ['bookinfo', 'productpage-v1', ['details.bookinfo×1', 'reviews.bookinfo×1']],
    ['bookinfo', 'details-v1', []],
    ['bookinfo', 'reviews-v1', []],
    ['bookinfo', 'reviews-v2', ['ratings.bookinfo×1']],
    ['bookinfo', 'reviews-v3', ['ratings.bookinfo×1']],
    ['bookinfo', 'ratings-v1', []],
    ['bookinfo', 'ratings-v2', ['mongodb.bookinfo×1']],
    ['travel', 'travels-v1', ['hotels.travel×1', 'flights.travel×1', 'discounts.travel×1']],
    ['travel', 'hotels-v1', ['reviews.bookinfo×0.5']],
  ])('%s/%s calls %j', (namespace, name, calls) => {
    expect(callsOf(namespace, name)).toEqual(calls);
  });

  it('matches Istio’s manifest: deployments, labels, service accounts and ports', () => {
    const docs = parseAllDocuments(readFileSync(ISTIO_BOOKINFO, 'utf8')).map((d) => d.toJS() as unknown);
    const deployments = docs.flatMap((doc) => {
      const d = doc as { kind?: string; metadata?: { name?: string; labels?: Record<string, string> }; spec?: unknown };
      if (d?.kind !== 'Deployment') return [];
      const spec = d.spec as { template: { spec: { serviceAccountName: string } } };
      return [[d.metadata?.name, d.metadata?.labels?.app, d.metadata?.labels?.version, spec.template.spec.serviceAccountName]];
    });
    expect(deployments).toHaveLength(6);
    for (const [name, app, version, serviceAccount] of deployments) {
      const w = workload(bookinfo, 'bookinfo', String(name));
      expect([w.app, w.version, w.serviceAccount]).toEqual([app, version, serviceAccount]);
    }
    const ports = docs.flatMap((doc) => {
      const d = doc as { kind?: string; metadata?: { name?: string }; spec?: { ports?: { port: number }[] } };
      return d?.kind === 'Service' ? [[d.metadata?.name, d.spec?.ports?.[0]?.port]] : [];
    });
    const ours = bookinfo.namespaces[0]?.services.map((s) => [s.name, s.port]);
    expect(ours).toEqual(expect.arrayContaining(ports));
  });

  it('fills in the defaults', () => {
    const productpage = workload(bookinfo, 'bookinfo', 'productpage-v1');
    expect(productpage).toMatchObject({ serviceAccount: 'bookinfo-productpage', replicas: 1, sidecar: true, errorRate: 0 });
    expect(workload(bookinfo, 'travel', 'travels-v1')).toMatchObject({ serviceAccount: 'travel-travels', requestBytes: 300 });
    expect(bookinfo.namespaces.map((ns) => ns.injection)).toEqual([true, true]);
    expect(bookinfo.namespaces[0]?.services[0]).toEqual({ name: 'productpage', port: 9080, protocol: 'http', app: 'productpage' });
    expect(bookinfo.entries[1]?.requests).toEqual([{ share: 1, headers: {}, path: '/travels' }]);
  });

  it('keeps the explicit exceptions', () => {
    expect(workload(bookinfo, 'bookinfo', 'ratings-v2').serviceAccount).toBe('bookinfo-ratings-v2');
    expect(workload(bookinfo, 'bookinfo', 'mongodb-v1').serviceAccount).toBe('default');
    expect(workload(bookinfo, 'bookinfo', 'ratings-v2').calls[0]?.tcpBytes).toEqual({ sent: 220, received: 1850 });
    expect(workload(bookinfo, 'travel', 'discounts-v1').sidecar).toBe(false);
    expect(bookinfo.namespaces[0]?.services.find((s) => s.name === 'mongodb')?.protocol).toBe('tcp');
    expect(bookinfo.namespaces[1]?.services.find((s) => s.name === 'flights')?.protocol).toBe('grpc');
  });

  it('sends 10 rps through the ingress, a tenth of it as jason, and 3 rps from outside', () => {
    expect(bookinfo.entries).toEqual([
      {
        via: 'ingress',
        namespace: 'bookinfo',
        service: 'productpage',
        ratePerSecond: 10,
        requests: [
          { share: 0.1, headers: { 'end-user': 'jason' }, path: '/productpage' },
          { share: 0.9, headers: {}, path: '/productpage' },
        ],
      },
      { via: 'outside', namespace: 'travel', service: 'travels', ratePerSecond: 3, requests: [{ share: 1, headers: {}, path: '/travels' }] },
    ]);
  });

  it('has small error rates on a few workloads only', () => {
    const failing = bookinfo.namespaces.flatMap((ns) => ns.workloads.filter((w) => w.errorRate > 0).map((w) => [w.name, w.errorRate]));
    expect(failing).toEqual([
      ['details-v1', 0.005],
      ['ratings-v1', 0.01],
      ['hotels-v1', 0.01],
    ]);
  });

  it('passes validateScenario as loaded', () => {
    expect(validateScenario(bookinfo)).toEqual([]);
  });
});

describe('parseScenario defaults', () => {
  it('turns the smallest file into a complete scenario', () => {
    const text = [
      'name: tiny',
      'namespaces:',
      '  - name: shop',
      '    services: [{ name: web, port: 8080 }]',
      '    workloads:',
      '      - { app: web, version: v1, latency: { medianMs: 2, p99Ms: 9 }, calls: [{ service: db, namespace: data }] }',
      '  - name: data',
      '    injection: false',
      '    services: [{ name: db, port: 5432, protocol: tcp, app: postgres }]',
      '    workloads: [{ name: pg, app: postgres, version: "16.1", latency: { medianMs: 1, p99Ms: 4 } }]',
      'entries: [{ via: outside, namespace: shop, service: web, ratePerSecond: 2 }]',
    ].join('\n');
    // The tcp call lacks tcpBytes, so first check that is the one thing wrong, then fix it.
    expect(() => parseScenario(text, 'tiny.yaml')).toThrow(
      'tiny.yaml: namespaces[0].workloads[0].calls[0].tcpBytes: required for a call to tcp service "db.data"',
    );
    const fixed = text.replace('namespace: data }', 'namespace: data, tcpBytes: { sent: 10, received: 20 } }');
    const base = { replicas: 1, sidecar: true, errorRate: 0, requestBytes: 300, responseBytes: 1500 };
    expect(parseScenario(fixed, 'tiny.yaml')).toEqual({
      name: 'tiny',
      seed: 1,
      traceSampling: 0.1,
      namespaces: [
        {
          name: 'shop',
          injection: true,
          services: [{ name: 'web', port: 8080, protocol: 'http', app: 'web' }],
          workloads: [
            {
              name: 'web-v1',
              app: 'web',
              version: 'v1',
              serviceAccount: 'shop-web',
              ...base,
              latency: { medianMs: 2, p99Ms: 9 },
              calls: [{ service: 'db', namespace: 'data', perRequest: 1, tcpBytes: { sent: 10, received: 20 } }],
            },
          ],
        },
        {
          name: 'data',
          injection: false,
          services: [{ name: 'db', port: 5432, protocol: 'tcp', app: 'postgres' }],
          workloads: [
            {
              name: 'pg',
              app: 'postgres',
              version: '16.1',
              serviceAccount: 'data-postgres',
              ...base,
              latency: { medianMs: 1, p99Ms: 4 },
              calls: [],
            },
          ],
        },
      ],
      entries: [
        { via: 'outside', namespace: 'shop', service: 'web', ratePerSecond: 2, requests: [{ share: 1, headers: {}, path: '/' }] },
      ],
    } satisfies Scenario);
  });
});

describe('loadScenario', () => {
  it('reads a path as given', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'copy.yaml');
    writeFileSync(path, readFileSync(join(ROOT, 'lab/scenarios/bookinfo.yaml'), 'utf8'));
    expect(loadScenario(path)).toEqual(bookinfo);
  });

  it.each([
    ['large:40', 40],
    ['large:1', 1],
  ])('generates %s with %i workloads', (name, count) => {
    const scenario = loadScenario(name);
    expect(scenario.namespaces.flatMap((ns) => ns.workloads)).toHaveLength(count);
    expect(scenario.name).toBe(`large-${count}`);
  });

  it('generates 1000 workloads for plain "large"', () => {
    expect(loadScenario('large').namespaces.flatMap((ns) => ns.workloads)).toHaveLength(1000);
  });

  it('gives plain "large" about 5,000 workload-to-workload edges, the graph size of DESIGN §7', () => {
    const scenario = loadScenario('large');
    const backends = serviceBackends(scenario);
    const pairs = new Set<string>();
    for (const ns of scenario.namespaces) {
      for (const w of ns.workloads) {
        for (const call of w.calls) {
          for (const target of backends.get(serviceKey(call.namespace, call.service)) ?? []) pairs.add(`${ns.name}/${w.name}>${target.namespace}/${target.spec.name}`);
        }
      }
    }
    expect(pairs.size).toBeGreaterThan(4_250);
    expect(pairs.size).toBeLessThan(5_750);
  });

  it.each([
    ['nosuch', 'scenario_not_found', 'lab/scenarios/nosuch.yaml: no such file; known scenarios: bookinfo'],
    ['./nosuch.yaml', 'scenario_not_found', './nosuch.yaml: no such file'],
    ['large:0', 'invalid_scenario', 'large:0: the workload count must be a positive integer, as in large:1000'],
    ['large:many', 'invalid_scenario', 'large:many: the workload count must be a positive integer, as in large:1000'],
  ])('rejects %s', (name, code, message) => {
    let caught: unknown;
    try {
      loadScenario(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).code).toBe(code);
    expect((caught as ScenarioError).message).toContain(message);
  });
});
