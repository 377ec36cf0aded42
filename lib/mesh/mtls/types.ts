// What `GET /api/mtls` answers: configured mTLS status mesh-wide, per namespace and per workload, with reasons,
// next to what telemetry observed. Pure types shared by the rules, the route and the page.

import type { IstioRef } from '../inventory/types';

/**
 * - `enabled`: mutual TLS is required (STRICT) for all of it;
 * - `partly`: some of it requires mTLS, or it accepts both (explicit PERMISSIVE);
 * - `disabled`: mTLS is turned off (DISABLE), or there is no sidecar to do it;
 * - `not-enabled`: nothing was configured; Istio's default PERMISSIVE with auto mTLS applies.
 */
export type MtlsStatus = 'enabled' | 'partly' | 'disabled' | 'not-enabled';

/** One reason behind a status, in words, with the object (and the field in it) that decided. */
export interface MtlsReason {
  text: string;
  ref?: IstioRef;
  path?: string;
}

/** What telemetry saw over the report's duration: inbound requests per second and the share that was mTLS. */
export interface ObservedMtls {
  rps: number;
  /** 0–1; null when there was no traffic to judge by. */
  mtlsShare: number | null;
}

/** Something a user should look at: configuration and telemetry disagree, or two objects conflict. */
export interface MtlsFlag {
  code: 'observed-mismatch' | 'strict-with-disable' | 'no-sidecar-under-strict';
  severity: 'error' | 'warning';
  message: string;
  related?: IstioRef[];
}

/** A status with its reasons and what was observed. */
export interface MtlsCell {
  status: MtlsStatus;
  reasons: MtlsReason[];
  observed: ObservedMtls;
  flags: MtlsFlag[];
}

export interface WorkloadMtls extends MtlsCell {
  namespace: string;
  name: string;
  sidecar: boolean;
}

export interface NamespaceMtls extends MtlsCell {
  namespace: string;
}

/** The istiod deployments found and whether config is being pushed to proxies. */
export interface ControlPlane {
  istiod: { namespace: string; name: string; version?: string; ready: number; desired: number }[];
  /** From pilot's push metrics when Prometheus has them, else `unknown`. */
  pushing: 'yes' | 'no' | 'unknown';
  /** Config pushes per second over the duration, when known. */
  pushRate?: number;
  note?: string;
}

export interface MtlsReport {
  /** Seconds of telemetry behind `observed`. */
  duration: number;
  rootNamespace: string;
  mesh: MtlsCell;
  namespaces: NamespaceMtls[];
  workloads: WorkloadMtls[];
  controlPlane: ControlPlane;
  /** Why nothing was observed when Prometheus could not be read; the configured side still stands. */
  observedError?: string;
}
