// AuthorizationPolicy rules: source namespaces must exist, and the policy must apply to some workload. Pure.
//
// Facts from Istio's AuthorizationPolicy reference and analyzer: `namespaces`/`notNamespaces` take exact names or a
// single `*` as prefix, suffix or whole value; a selector matches workloads of the policy's namespace, or of every
// namespace when the policy is in the root namespace; without selector (and targetRefs) a policy applies to its whole
// namespace (the whole mesh from the root namespace), so an empty namespace means it applies to nothing.

import { matchesSelector } from '../../inventory/workloads';
import type { ConfigScope, Finding, IstioResource } from '../types';
import { finding, labelMap, list, record, str } from '../read';

/** Whether an AuthorizationPolicy namespace value (`ns`, `prefix*`, `*suffix`, `*`) matches a namespace. */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return namespace.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return namespace.endsWith(pattern.slice(1));
  return pattern === namespace;
}

function namespaceFindings(scope: ConfigScope, ap: IstioResource): Finding[] {
  return list(ap.spec.rules).flatMap((rule, i) =>
    list(record(rule)?.from).flatMap((from, j) => {
      const source = record(record(from)?.source);
      return (['namespaces', 'notNamespaces'] as const).flatMap((field) =>
        list(source?.[field]).flatMap((v, k) => {
          const pattern = str(v);
          if (pattern === undefined || scope.namespaces.some((ns) => namespaceMatches(pattern, ns))) return [];
          const path = `spec.rules[${i}].from[${j}].source.${field}[${k}]`;
          return [finding('authz.namespace-not-found', 'warning', `namespace "${pattern}" matches no namespace of the cluster`, path)];
        }),
      );
    }),
  );
}

function targetFindings(scope: ConfigScope, ap: IstioResource): Finding[] {
  if (ap.spec.targetRef !== undefined || ap.spec.targetRefs !== undefined) return [];
  const ns = ap.metadata.namespace;
  const meshWide = ns === scope.rootNamespace;
  const selector = labelMap(record(ap.spec.selector)?.matchLabels);
  if (Object.keys(selector).length > 0) {
    if (scope.workloads.some((w) => (meshWide || w.namespace === ns) && matchesSelector(selector, w.labels))) return [];
    const where = meshWide ? 'any namespace' : `namespace ${ns}`;
    const shown = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    return [finding('authz.selector-matches-nothing', 'warning', `selector ${shown} matches no workload in ${where}`, 'spec.selector')];
  }
  if (meshWide || scope.workloads.some((w) => w.namespace === ns)) return [];
  return [finding('authz.no-workloads-in-namespace', 'warning', `the policy applies to namespace ${ns}, which has no workloads`, 'metadata.namespace')];
}

/** Namespace and target findings of an AuthorizationPolicy. */
export function authorizationPolicyFindings(scope: ConfigScope, ap: IstioResource): Finding[] {
  return [...namespaceFindings(scope, ap), ...targetFindings(scope, ap)];
}
