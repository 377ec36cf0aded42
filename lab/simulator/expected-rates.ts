// The traffic a scenario should produce on average, worked out on paper rather than by running it: tests compare
// what the simulator (and the console) report against these numbers.

import type { Scenario } from './model';
import { serviceBackends, serviceKey, workloadKey, type LocatedWorkload } from './topology';

/**
 * Expected requests per second arriving at each `namespace/workload` (TCP services: connections per second), every
 * workload of the scenario included. Assumes the default routing (a service's traffic spread evenly over the
 * workloads it selects), no faults or retries, and that a workload makes its calls whether or not it then fails.
 * Throws on a call cycle, where no finite rate exists.
 */
export function expectedRequestRates(scenario: Scenario): Map<string, number> {
  const backends = serviceBackends(scenario);
  const rates = new Map<string, number>();
  for (const ns of scenario.namespaces) for (const w of ns.workloads) rates.set(workloadKey(ns.name, w.name), 0);

  const send = (namespace: string, service: string, rate: number): void => {
    const selected = backends.get(serviceKey(namespace, service)) ?? [];
    for (const w of selected) {
      const key = workloadKey(w.namespace, w.spec.name);
      rates.set(key, (rates.get(key) ?? 0) + rate / selected.length);
    }
  };

  for (const entry of scenario.entries) send(entry.namespace, entry.service, entry.ratePerSecond);
  // Callers before callees, so a workload's rate is complete when its calls are passed on.
  for (const w of topologicalOrder(scenario, backends)) {
    const rate = rates.get(workloadKey(w.namespace, w.spec.name)) ?? 0;
    for (const call of w.spec.calls) send(call.namespace, call.service, rate * call.perRequest);
  }
  return rates;
}

/** The sum of all expected arrivals: the scenario's total requests per second across all hops. */
export function totalExpectedRate(scenario: Scenario): number {
  let total = 0;
  for (const rate of expectedRequestRates(scenario).values()) total += rate;
  return total;
}

function topologicalOrder(scenario: Scenario, backends: Map<string, LocatedWorkload[]>): LocatedWorkload[] {
  const order: LocatedWorkload[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (w: LocatedWorkload): void => {
    const key = workloadKey(w.namespace, w.spec.name);
    const seen = state.get(key);
    if (seen === 'done') return;
    if (seen === 'open') throw new Error(`expectedRequestRates: call cycle through ${key}`);
    state.set(key, 'open');
    for (const call of w.spec.calls) for (const next of backends.get(serviceKey(call.namespace, call.service)) ?? []) visit(next);
    state.set(key, 'done');
    order.push(w);
  };
  scenario.namespaces.forEach((ns, namespaceIndex) =>
    ns.workloads.forEach((spec, workloadIndex) => visit({ namespace: ns.name, namespaceIndex, workloadIndex, spec })),
  );
  // Post-order puts callees first; callers must come first.
  return order.reverse();
}
