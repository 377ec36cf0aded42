// Checks the schema cannot make alone: names that must be unique, references that must resolve, and call cycles.

import type { CallSpec, Scenario } from './model';
import { formatPath } from './scenario-schema';
import { serviceBackends, serviceKey, workloadKey, type LocatedWorkload } from './topology';

type Path = (string | number)[];

/** Every cross-reference problem of a scenario whose fields are individually valid, one `path: problem` line each. */
export function checkReferences(scenario: Scenario): string[] {
  const errors: string[] = [];
  const report = (path: Path, message: string): void => {
    errors.push(`${formatPath(path)}: ${message}`);
  };

  const namespaceIndex = firstIndexByName(scenario.namespaces, (i, name, first) =>
    report(['namespaces', i, 'name'], `duplicate namespace "${name}" (first at namespaces[${first}])`),
  );
  // Calls may point at namespaces further down the file, so every service is known before any call is checked.
  const protocols = new Map<string, string>();
  for (const ns of scenario.namespaces) {
    for (const service of ns.services) {
      const key = serviceKey(ns.name, service.name);
      if (!protocols.has(key)) protocols.set(key, service.protocol);
    }
  }
  scenario.namespaces.forEach((ns, n) => {
    const at = (...rest: Path): Path => ['namespaces', n, ...rest];
    firstIndexByName(ns.services, (i, name, first) =>
      report(at('services', i, 'name'), `duplicate service "${name}" in namespace "${ns.name}" (first at services[${first}])`),
    );
    firstIndexByName(ns.workloads, (i, name, first) =>
      report(at('workloads', i, 'name'), `duplicate workload "${name}" in namespace "${ns.name}" (first at workloads[${first}])`),
    );
    ns.services.forEach((service, i) => {
      if (!ns.workloads.some((w) => w.app === service.app)) {
        report(at('services', i, 'app'), `selects no workload: none in namespace "${ns.name}" has app "${service.app}"`);
      }
    });
    ns.workloads.forEach((workload, w) => {
      workload.calls.forEach((call, c) => checkCall(call, at('workloads', w, 'calls', c)));
    });
  });

  function checkCall(call: CallSpec, path: Path): void {
    const protocol = resolve(call.namespace, call.service, path);
    if (protocol === undefined) return;
    const target = `"${call.service}.${call.namespace}"`;
    if (protocol === 'tcp' && call.tcpBytes === undefined) {
      report([...path, 'tcpBytes'], `required for a call to tcp service ${target}`);
    } else if (protocol !== 'tcp' && call.tcpBytes !== undefined) {
      report([...path, 'tcpBytes'], `only for calls to tcp services; ${target} is ${protocol}`);
    }
  }

  /** The protocol of the service a name points at, or undefined (reported) when there is none. */
  function resolve(namespace: string, service: string, path: Path): string | undefined {
    if (!namespaceIndex.has(namespace)) {
      report([...path, 'namespace'], `no namespace "${namespace}"`);
      return undefined;
    }
    const protocol = protocols.get(serviceKey(namespace, service));
    if (protocol === undefined) report([...path, 'service'], `no service "${service}" in namespace "${namespace}"`);
    return protocol;
  }

  scenario.entries.forEach((entry, e) => {
    const protocol = resolve(entry.namespace, entry.service, ['entries', e]);
    if (protocol === 'tcp') {
      report(['entries', e, 'service'], `"${entry.service}.${entry.namespace}" is a tcp service; entries send HTTP requests`);
    }
  });

  for (const cycle of findCallCycles(scenario)) report(cycle.path, `call cycle ${cycle.hops.join(' → ')}`);
  return errors;
}

/** A call that closes a loop, and the loop it closes, written `ns/workload → service.ns → ns/workload …`. */
export interface CallCycle {
  path: Path;
  hops: string[];
}

/**
 * Calls that lead back to their own caller, directly or through other workloads: a request through them would
 * never end. One cycle is reported per closing call; calls to missing services are ignored here.
 */
export function findCallCycles(scenario: Scenario): CallCycle[] {
  const backends = serviceBackends(scenario);
  const located: LocatedWorkload[] = scenario.namespaces.flatMap((ns, namespaceIndex) =>
    ns.workloads.map((spec, workloadIndex) => ({ namespace: ns.name, namespaceIndex, workloadIndex, spec })),
  );
  const id = (w: LocatedWorkload): string => `${w.namespaceIndex}:${w.workloadIndex}`;
  const state = new Map<string, 'open' | 'done'>();
  // The walk so far: each workload and the call it left through.
  const stack: { workload: LocatedWorkload; call?: CallSpec }[] = [];
  const cycles: CallCycle[] = [];

  const visit = (workload: LocatedWorkload): void => {
    state.set(id(workload), 'open');
    const frame: { workload: LocatedWorkload; call?: CallSpec } = { workload };
    stack.push(frame);
    workload.spec.calls.forEach((call, c) => {
      frame.call = call;
      let reported = false;
      for (const next of backends.get(serviceKey(call.namespace, call.service)) ?? []) {
        const seen = state.get(id(next));
        if (seen === undefined) visit(next);
        else if (seen === 'open' && !reported) {
          reported = true;
          const from = stack.findIndex((f) => id(f.workload) === id(next));
          const hops = stack.slice(from).flatMap((f) => [
            workloadKey(f.workload.namespace, f.workload.spec.name),
            `${f.call?.service}.${f.call?.namespace}`,
          ]);
          hops.push(workloadKey(next.namespace, next.spec.name));
          cycles.push({
            path: ['namespaces', workload.namespaceIndex, 'workloads', workload.workloadIndex, 'calls', c, 'service'],
            hops,
          });
        }
      }
    });
    stack.pop();
    state.set(id(workload), 'done');
  };

  for (const workload of located) if (!state.has(id(workload))) visit(workload);
  return cycles;
}

/** Indexes items by name (the first one wins) and reports every later duplicate. */
function firstIndexByName(
  items: readonly { name: string }[],
  onDuplicate: (index: number, name: string, firstIndex: number) => void,
): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = index.get(item.name);
    if (first !== undefined) onDuplicate(i, item.name, first);
    else index.set(item.name, i);
  });
  return index;
}
