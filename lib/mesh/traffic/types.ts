// The traffic-management form model of one service and the API around it (DESIGN §4 `…/services/{svc}/traffic`).
// Pure types shared by the model code (lib/mesh/traffic), the server pipeline and the forms.

import type { DiffHunk } from '../diff/line-diff';
import type { Finding } from '../istio/types';

/** One destination of a route: a DestinationRule subset and its share (whole percent, the route's shares sum to 100). */
export interface WeightedSubset {
  /** `''` for a destination without subset: the whole service, spread over all its versions. */
  subset: string;
  weight: number;
}

/** How a request is matched in a routing rule (Istio's HTTPMatchRequest, reduced to what the form edits). */
export type MatchCondition =
  | { kind: 'header'; name: string; match: 'exact' | 'prefix' | 'regex'; value: string }
  | { kind: 'uri'; match: 'exact' | 'prefix' | 'regex'; value: string };

/** An ordered request-routing rule: requests matching every condition go to its route (A/B tests, canaries by user). */
export interface RoutingRule {
  /** The route's `name` in the VirtualService, when it has one. */
  name?: string;
  match: MatchCondition[];
  route: WeightedSubset[];
}

export interface FaultInjection {
  /** Delay `percent` of requests by `fixedDelay` (an Istio duration such as `5s` or `100ms`). */
  delay?: { percent: number; fixedDelay: string };
  /** Answer `percent` of requests with `httpStatus` (200–599) without calling the service. */
  abort?: { percent: number; httpStatus: number };
}

export interface Retries {
  attempts: number;
  /** An Istio duration. */
  perTryTimeout?: string;
  /** Envoy retry conditions, comma-separated (`5xx,connect-failure`). */
  retryOn?: string;
}

/** DestinationRule `trafficPolicy.connectionPool` and `outlierDetection`, reduced to the usual knobs. */
export interface CircuitBreaker {
  maxConnections?: number;
  http1MaxPendingRequests?: number;
  maxRequestsPerConnection?: number;
  consecutive5xxErrors?: number;
  /** Istio durations. */
  interval?: string;
  baseEjectionTime?: string;
  maxEjectionPercent?: number;
}

/** What the forms edit; every field is optional in an edit, absent meaning "none" (the object's field is removed). */
export interface TrafficSettings {
  /** The default route (the last HTTP route, without a match): the canary split. */
  routes: WeightedSubset[];
  /** Rules before the default route, in order. */
  rules: RoutingRule[];
  /** On the default route. */
  fault?: FaultInjection;
  timeout?: string;
  retries?: Retries;
  circuitBreaker?: CircuitBreaker;
}

/** A version of the service as its workloads label it, and the subset that selects it (when a rule defines one). */
export interface ServiceVersion {
  version: string;
  labels: Record<string, string>;
  workloads: string[];
  /** The DestinationRule subset whose labels select this version; absent when none does yet. */
  subset?: string;
}

/** `GET /api/namespaces/{ns}/services/{svc}/traffic`: the live configuration read into the form model. */
export interface TrafficModel extends TrafficSettings {
  namespace: string;
  service: string;
  /** `<svc>.<ns>.svc.cluster.local`. */
  host: string;
  /** The VirtualService's resourceVersion (DESIGN §4); absent when the service has none yet. */
  resourceVersion?: string;
  virtualService?: { name: string; resourceVersion: string };
  destinationRule?: { name: string; resourceVersion: string };
  versions: ServiceVersion[];
  /** The DestinationRule's named subsets, in its order (also those selecting no version). */
  subsets?: { name: string; labels: Record<string, string> }[];
  /**
   * Empty when the form can represent the live VirtualService; otherwise why not (several hosts, TCP/TLS routes,
   * mirrors, rewrites, destinations of other hosts…): the YAML editor is offered instead, and PUT refuses.
   */
  unsupported: string[];
}

/** `PUT …/traffic[?dryRun=true]`: the settings wanted, with the versions of the objects they were read from. */
export interface TrafficEdit extends TrafficSettings {
  /** Of the VirtualService as read; required when one exists, so a change made meanwhile is a 409. */
  resourceVersion?: string;
  /** Of the DestinationRule as read; required when one exists. */
  destinationRuleVersion?: string;
}

/** One problem with an edit, at a field of the form (`routes[1].weight`, `fault.abort.httpStatus`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What an apply (or dry run) did to each object. */
export interface ObjectChange {
  kind: 'VirtualService' | 'DestinationRule';
  name: string;
  /** `delete` only in a revert, of an object the reverted change created. */
  action: 'create' | 'update' | 'delete' | 'unchanged';
  diff: DiffHunk[];
}

/** A recorded change: who, when, and each object before and after, kept in the cluster. */
export interface ChangeRecord {
  id: string;
  /** RFC 3339. */
  at: string;
  user: string;
  namespace: string;
  service: string;
  summary: string;
  /** Each object as YAML before and after (`null`: it did not exist). */
  objects: { kind: 'VirtualService' | 'DestinationRule'; name: string; before: string | null; after: string | null }[];
  /** The change this one reverted, if it is a revert. */
  reverts?: string;
}

/** The answer of `PUT …/traffic` and of `POST /api/changes/{id}/revert`. */
export interface TrafficApplyResult {
  dryRun: boolean;
  changes: ObjectChange[];
  /** Meshscope's validations of the objects as they would be stored. */
  findings: Finding[];
  /** The model as it is (or would be) after the change. */
  model: TrafficModel;
  /** The recorded change, when something was written. */
  record?: ChangeRecord;
  /** Set when the change was written but something after it failed (recording it in the history). */
  warning?: string;
}
