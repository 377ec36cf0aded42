import { describe, expect, it } from 'vitest';
import { expectedRequestRates, totalExpectedRate } from './expected-rates';
import { countCallEdges, generateLargeMesh, LARGE_MESH_TOTAL_RATE, type LargeMeshOptions } from './large-mesh';
import type { Scenario } from './model';
import { validateScenario } from './scenario';
import { findCallCycles } from './scenario-checks';

const DEFAULTS: LargeMeshOptions = { workloads: 1000, edgesPerService: 5, seed: 1 };
const mesh = generateLargeMesh(DEFAULTS);

const allWorkloads = (s: Scenario) => s.namespaces.flatMap((ns) => ns.workloads.map((w) => ({ ns: ns.name, ...w })));

describe('generateLargeMesh', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateLargeMesh(DEFAULTS)).toEqual(mesh);
    expect(generateLargeMesh({ ...DEFAULTS, seed: 2 })).not.toEqual(mesh);
  });

  it.each<[LargeMeshOptions, number]>([
    [DEFAULTS, 20],
    [{ workloads: 37, edgesPerService: 3, seed: 9, namespaces: 2 }, 2],
    [{ workloads: 250, edgesPerService: 5, seed: 4 }, 5],
    [{ workloads: 1, edgesPerService: 5, seed: 1 }, 1],
  ])('%j has exactly the requested workloads over %i namespaces and passes validation', (options, namespaces) => {
    const s = options === DEFAULTS ? mesh : generateLargeMesh(options);
    expect(allWorkloads(s)).toHaveLength(options.workloads);
    expect(s.namespaces).toHaveLength(namespaces);
    expect(findCallCycles(s)).toEqual([]);
    expect(validateScenario(s)).toEqual([]);
  });

  it.each<[LargeMeshOptions]>([[DEFAULTS], [{ workloads: 400, edgesPerService: 3, seed: 7 }], [{ ...DEFAULTS, seed: 3 }]])(
    '%j has about workloads × edgesPerService call edges (within 10 %)',
    (options) => {
      const s = options === DEFAULTS ? mesh : generateLargeMesh(options);
      const wanted = options.workloads * options.edgesPerService;
      expect(Math.abs(countCallEdges(s) - wanted) / wanted).toBeLessThan(0.1);
    },
  );

  it('gives every app one to three versions behind one service', () => {
    for (const ns of mesh.namespaces) {
      for (const service of ns.services) {
        const versions = ns.workloads.filter((w) => w.app === service.app).length;
        expect(versions).toBeGreaterThanOrEqual(1);
        expect(versions).toBeLessThanOrEqual(3);
      }
      expect(new Set(ns.workloads.map((w) => w.app)).size).toBe(ns.services.length);
    }
  });

  it('crosses namespaces on some calls, not most', () => {
    const calls = allWorkloads(mesh).flatMap((w) => w.calls.map((c) => c.namespace !== w.ns));
    const share = calls.filter(Boolean).length / calls.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.4);
  });

  it('has tcp databases only as leaves, reached with tcp bytes', () => {
    const tcp = new Set(mesh.namespaces.flatMap((ns) => ns.services.filter((s) => s.protocol === 'tcp').map((s) => `${ns.name}/${s.app}`)));
    expect(tcp.size).toBeGreaterThan(0);
    for (const w of allWorkloads(mesh)) {
      if (tcp.has(`${w.ns}/${w.app}`)) expect(w.calls).toEqual([]);
      for (const c of w.calls) expect(c.tcpBytes !== undefined).toBe(tcp.has(`${c.namespace}/${c.service}`));
    }
  });

  it('keeps the total request rate at the budget, with traffic reaching every workload', () => {
    const total = totalExpectedRate(mesh);
    expect(total).toBeLessThanOrEqual(LARGE_MESH_TOTAL_RATE);
    expect(total).toBeGreaterThan(LARGE_MESH_TOTAL_RATE * 0.95);
    const rates = [...expectedRequestRates(mesh).values()];
    expect(Math.min(...rates)).toBeGreaterThan(0);
    expect(Math.max(...rates)).toBeLessThan(100);
  });

  it('feeds entry traffic only into the first layer: services nobody in the mesh calls', () => {
    const called = new Set(allWorkloads(mesh).flatMap((w) => w.calls.map((c) => `${c.namespace}/${c.service}`)));
    expect(mesh.entries.length).toBeGreaterThan(0);
    for (const entry of mesh.entries) expect(called.has(`${entry.namespace}/${entry.service}`)).toBe(false);
  });

  it.each<[string, LargeMeshOptions]>([
    ['zero workloads', { workloads: 0, edgesPerService: 5, seed: 1 }],
    ['a fractional workload count', { workloads: 2.5, edgesPerService: 5, seed: 1 }],
    ['negative edges', { workloads: 10, edgesPerService: -1, seed: 1 }],
    ['more namespaces than workloads', { workloads: 3, edgesPerService: 1, seed: 1, namespaces: 4 }],
  ])('rejects %s', (_name, options) => {
    expect(() => generateLargeMesh(options)).toThrow(RangeError);
  });
});
