// Validation of Istio objects against each other and the cluster: one result per object. Pure.
//
// Each rule family lives in its own file; this one decides which apply to which kind. A spec of the wrong shape is
// reported by schema.ts and read around by the rules, so one malformed object never hides the others' results.

import type { IstioRef } from '../../inventory/types';
import { refKey, refOf, type ConfigScope, type Finding, type IstioResource, type ObjectValidation } from '../types';
import { authorizationPolicyFindings } from './authorization-policy';
import { destinationRuleFindings } from './destination-rule';
import { duplicateHostFindings } from './duplicate-hosts';
import { gatewayFindings } from './gateway-refs';
import { mtlsConflictFindings } from './mtls-conflict';
import { record } from '../read';
import { schemaFindings } from './schema';
import { destinationFindings } from './vs-destinations';
import { weightFindings } from './vs-weights';

function findingsOf(scope: ConfigScope, o: IstioResource, duplicates: Map<string, Finding[]>): Finding[] {
  switch (o.kind) {
    case 'VirtualService':
      return [...destinationFindings(scope, o), ...weightFindings(o), ...gatewayFindings(scope, o), ...(duplicates.get(refKey(refOf(o))) ?? [])];
    case 'DestinationRule':
      return [...destinationRuleFindings(scope, o), ...mtlsConflictFindings(scope, o)];
    case 'AuthorizationPolicy':
      return authorizationPolicyFindings(scope, o);
    default:
      return [];
  }
}

/**
 * One validation per object in scope (or per object `only` accepts); every object of the scope still serves as
 * context. `valid` is false when any finding is an error.
 */
export function validateScope(scope: ConfigScope, only: (ref: IstioRef) => boolean = () => true): ObjectValidation[] {
  // The type says `spec` is an object; data from outside may still not be, and the rules index into it.
  const readable = { ...scope, objects: scope.objects.map((o) => (record(o.spec) ? o : { ...o, spec: {} })) };
  const duplicates = duplicateHostFindings(readable);
  return scope.objects.flatMap((o, i) => {
    if (!only(refOf(o))) return [];
    const findings = [...schemaFindings(o), ...findingsOf(readable, readable.objects[i] ?? o, duplicates)];
    return [{ ref: refOf(o), valid: !findings.some((f) => f.severity === 'error'), findings }];
  });
}
