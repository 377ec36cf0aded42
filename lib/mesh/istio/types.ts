// The Istio configuration the validations and the mTLS rules read, as plain data. Pure types: lib/k8s maps the
// API server's answers into these, so every rule in lib/mesh/istio and lib/mesh/mtls runs without a cluster.

import type { IstioRef } from '../inventory/types';

/** The Istio kinds Meshscope lists, validates and (later) edits. */
export type IstioKind = IstioRef['kind'];

/** One Istio object as the API server stores it; `spec` is left unparsed, each rule reads what it needs. */
export interface IstioResource {
  apiVersion: string;
  kind: IstioKind;
  metadata: {
    name: string;
    namespace: string;
    resourceVersion?: string;
    /** RFC 3339; Istio breaks ties between policies of one level by age. */
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

/** A workload as the rules see it: the labels of its pods, whether they run a sidecar, and its ports. */
export interface MeshWorkload {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  sidecar: boolean;
  serviceAccount?: string;
}

/** A Kubernetes Service as the rules see it. */
export interface MeshService {
  namespace: string;
  name: string;
  /** Empty when the service has no selector. */
  selector: Record<string, string>;
  ports: { name?: string; port: number; targetPort?: number | string; protocol: string }[];
}

/**
 * Everything a validation or an mTLS decision may look at. `objects` holds the Istio objects of the namespaces
 * being checked plus those that reach into them from elsewhere (the root namespace's, Gateways of any namespace,
 * DestinationRules and VirtualServices exported to all). `namespaces` are all namespaces that exist.
 */
export interface ConfigScope {
  objects: readonly IstioResource[];
  services: readonly MeshService[];
  workloads: readonly MeshWorkload[];
  namespaces: readonly string[];
  /** Istio's root namespace (meshConfig.rootNamespace, `istio-system` by default). */
  rootNamespace: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in one object. */
export interface Finding {
  /** Stable identifier of the rule, e.g. `vs.subset-not-found`. */
  code: string;
  severity: Severity;
  /** A sentence a user can act on; names the missing or conflicting thing. */
  message: string;
  /** Where in the object, as a JSONPath-like string: `spec.http[0].route[1].destination.subset`. */
  path: string;
  /** Other objects the finding is about (the conflicting VirtualService, the DISABLE DestinationRule…). */
  related?: IstioRef[];
}

/** The validation result of one object. `valid` is false when any finding is an error. */
export interface ObjectValidation {
  ref: IstioRef;
  valid: boolean;
  findings: Finding[];
}

/** A stable key for an object: `Kind/namespace/name`. */
export function refKey(ref: IstioRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** The ref of a resource. */
export function refOf(o: IstioResource): IstioRef {
  return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name };
}
