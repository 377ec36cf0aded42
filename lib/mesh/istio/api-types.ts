// What `GET /api/istio` and `GET /api/istio/{ns}/{kind}/{name}` answer. Pure types shared by the routes and pages.

import type { DiffHunk } from '../diff/line-diff';
import type { IstioRef } from '../inventory/types';
import type { Finding, IstioKind, IstioResource } from './types';

/** One Istio object in a list, with its validation. */
export interface IstioConfigItem {
  kind: IstioKind;
  namespace: string;
  name: string;
  /** RFC 3339. */
  createdAt?: string;
  resourceVersion?: string;
  /** False when any finding is an error. */
  valid: boolean;
  findings: Finding[];
}

/** `GET /api/istio?namespace=a,b&kind=`: the objects of the namespaces, sorted by namespace, kind and name. */
export interface IstioConfigList {
  namespaces: string[];
  kind?: IstioKind;
  items: IstioConfigItem[];
}

/** `GET /api/istio/{ns}/{kind}/{name}`: one object as stored, its YAML, validation and what it refers to. */
export interface IstioConfigDetails {
  item: IstioConfigItem;
  object: IstioResource;
  /** The object as YAML without server-managed noise (managedFields). */
  yaml: string;
  references: {
    /** Kubernetes services it names as hosts or destinations (that exist). */
    services: { namespace: string; name: string }[];
    /** Workloads it selects or, through its hosts, applies to. */
    workloads: { namespace: string; name: string }[];
    /** Other Istio objects it names (gateways, DestinationRules of its hosts) or that name it. */
    objects: IstioRef[];
  };
}

/** `PUT /api/istio/{ns}/{kind}/{name}[?dryRun=true]` with `{ yaml }`: what was (or would be) stored. */
export interface IstioUpdateResult {
  dryRun: boolean;
  /** The object as the API server answered: stored, or as it would be stored. */
  object: Record<string, unknown>;
  yaml: string;
  /** What changes against the live object, with context. */
  diff: DiffHunk[];
  /** Meshscope's own validations of the object as it would be stored. */
  findings: Finding[];
}
