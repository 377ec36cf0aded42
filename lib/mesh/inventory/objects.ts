// The Kubernetes and Istio objects the inventory is built from, reduced to the fields it reads. Pure types: the
// Kubernetes module maps the API's answers into these, so the rules in this folder run without a cluster.

import type { IstioRef } from './types';

/** A controlling or other owner of an object, from `metadata.ownerReferences`. */
export interface OwnerRef {
  kind: string;
  name: string;
  /** Whether this owner is the managing controller (at most one per object). */
  controller: boolean;
}

/** The metadata every object carries. */
export interface KubeMeta {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  owners: OwnerRef[];
  /** RFC 3339 creation time. */
  createdAt?: string;
}

/** Desired and observed replica counts of a controller (or of a group of pods without one). */
export interface Replicas {
  desired: number;
  ready: number;
  available: number;
}

/** The controllers the inventory lists; Jobs and other owners are only seen through their pods. */
export type ControllerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet';

/** A workload controller with its pod template's labels, annotations and containers. */
export interface ControllerObject {
  kind: ControllerKind;
  meta: KubeMeta;
  templateLabels: Record<string, string>;
  templateAnnotations: Record<string, string>;
  /** Names of the template's containers and init containers (a native-sidecar proxy is an init container). */
  templateContainers: string[];
  serviceAccount?: string;
  replicas: Replicas;
}

/** A pod. */
export interface PodObject {
  meta: KubeMeta;
  phase: string;
  /** The pod's `Ready` condition is true. */
  ready: boolean;
  /** Names of its containers and init containers. */
  containers: string[];
  serviceAccount?: string;
}

/** A Kubernetes Service. */
export interface ServiceObject {
  meta: KubeMeta;
  type: string;
  /** Empty when the service has no selector (its endpoints are managed by hand). */
  selector: Record<string, string>;
  ports: { name?: string; port: number; protocol: string; appProtocol?: string; targetPort?: number | string }[];
}

/** An Istio object, reduced to what links it to services and workloads. */
export interface IstioObject {
  kind: IstioRef['kind'];
  namespace: string;
  name: string;
  /**
   * Hosts it configures or routes to, as written: a VirtualService's `hosts` and its route destinations, a
   * DestinationRule's `host`, a ServiceEntry's `hosts`.
   */
  hosts: string[];
  /**
   * Labels of the workloads it applies to. Undefined when the object has no selector: namespace-wide for
   * PeerAuthentication, AuthorizationPolicy, RequestAuthentication and Sidecar, nothing for the other kinds.
   */
  selector?: Record<string, string>;
  /** Attached through `targetRef(s)` (Gateway API or waypoint) rather than a workload selector. */
  targetRefs: boolean;
}

/** What one namespace holds, as read from Kubernetes. */
export interface NamespaceObjects {
  namespace: string;
  /** The namespace's labels (for the injection setting). */
  labels: Record<string, string>;
  controllers: ControllerObject[];
  pods: PodObject[];
  services: ServiceObject[];
  /** Istio objects that may apply here: the namespace's own, plus Gateways of any namespace. */
  istio: IstioObject[];
}
