// What the console knows about a namespace's applications, workloads and services (DESIGN §4 lists and details).
// Pure types: the contract between the inventory API and the pages that show it.

import type { Health } from '../graph/types';

/** The three kinds of thing the lists and detail pages show; also the `{kind}` path segment of the routes. */
export type InventoryKind = 'apps' | 'workloads' | 'services';

/** Whether a workload's pods run the Istio sidecar: all of them, some, or none. */
export type SidecarStatus = 'injected' | 'partial' | 'missing';

/** An Istio object that applies to an item, for the badges in the lists and the detail page's config section. */
export interface IstioRef {
  kind: 'VirtualService' | 'DestinationRule' | 'Gateway' | 'ServiceEntry' | 'Sidecar' | 'PeerAuthentication' | 'AuthorizationPolicy' | 'RequestAuthentication';
  namespace: string;
  name: string;
}

/** An item's traffic health over the request's duration, with why, so a list can say more than a colour. */
export interface HealthReport {
  health: Health;
  /** Inbound requests per second (as the destination's proxy reported them); 0 when there were none. */
  inRps: number;
  /** Share of inbound requests that failed (0–1); null without traffic. */
  inErrorRate: number | null;
  /** Plain-language reasons for anything but healthy: "5xx 12 % ≥ 10 %", "0 of 2 replicas available". */
  reasons: string[];
}

/** Fields every list item has. */
interface ItemBase {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  health: HealthReport;
  istio: IstioRef[];
}

export interface WorkloadItem extends ItemBase {
  kind: 'workloads';
  /** The controller that owns the pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod. */
  controller: string;
  app?: string;
  version?: string;
  sidecar: SidecarStatus;
  replicas: { desired: number; ready: number; available: number };
  serviceAccounts: string[];
  /** Names of the services in the same namespace whose selectors pick this workload's pods. */
  services: string[];
}

export interface ServiceItem extends ItemBase {
  kind: 'services';
  type: string;
  selector: Record<string, string>;
  ports: { name?: string; port: number; protocol: string; appProtocol?: string }[];
  /** Workloads in the namespace the selector picks. */
  workloads: string[];
}

export interface AppItem extends ItemBase {
  kind: 'apps';
  /** Distinct `version` labels of the app's workloads, sorted. */
  versions: string[];
  workloads: string[];
  services: string[];
  /** Injected when every workload is, missing when none is, partial otherwise. */
  sidecar: SidecarStatus;
}

export type InventoryItem = WorkloadItem | ServiceItem | AppItem;

/** `GET /api/namespaces/{ns}/{kind}`. */
export interface InventoryList<T extends InventoryItem = InventoryItem> {
  namespace: string;
  kind: InventoryKind;
  /** Seconds of traffic the health looks at. */
  duration: number;
  items: T[];
}

/** One pod of a workload, for the detail page. */
export interface PodSummary {
  name: string;
  phase: string;
  ready: boolean;
  sidecar: boolean;
  labels: Record<string, string>;
  createdAt?: string;
}

/** `GET /api/namespaces/{ns}/{kind}/{name}`: the list item plus what the detail page shows. */
export interface InventoryDetails<T extends InventoryItem = InventoryItem> {
  item: T;
  pods: PodSummary[];
  duration: number;
}

/** Health counts of one kind in a namespace, for the overview cards. */
export type HealthCounts = Record<Health, number>;

/** One overview card: `GET /api/overview?namespaces=a,b` returns one per namespace. */
export interface NamespaceOverview {
  namespace: string;
  labels: Record<string, string>;
  /** From the `istio-injection` label (or `istio.io/rev`): whether new pods get a sidecar. */
  injection: 'enabled' | 'disabled' | 'unset';
  apps: HealthCounts;
  workloads: HealthCounts;
  services: HealthCounts;
  inRps: number;
  inErrorRate: number | null;
  /** Observed share of inbound requests with mutual TLS (0–1); null without traffic. */
  mtlsShare: number | null;
  sidecars: { injected: number; total: number };
}
