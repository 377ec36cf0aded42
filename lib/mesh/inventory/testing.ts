// Test support: small builders of the inventory's input objects, so tables of cases stay one line each.

import { parseAllDocuments } from 'yaml';
import type { ControllerKind, ControllerObject, IstioObject, KubeMeta, PodObject, Replicas, ServiceObject } from './objects';
import type { IstioRef } from './types';

/** Metadata in `bookinfo` unless told otherwise; `owner` is a controller reference `Kind/name`. */
export function meta(name: string, over: Partial<KubeMeta> & { owner?: string } = {}): KubeMeta {
  const { owner, ...rest } = over;
  const [kind = '', ownerName = ''] = owner?.split('/') ?? [];
  return { namespace: 'bookinfo', name, labels: {}, annotations: {}, owners: owner ? [{ kind, name: ownerName, controller: true }] : [], ...rest };
}

/** A controller with all replicas available unless told otherwise. */
export function controller(kind: ControllerKind, name: string, labels: Record<string, string>, over: Partial<ControllerObject> & { owner?: string; replicas?: Replicas } = {}): ControllerObject {
  const { owner, ...rest } = over;
  return {
    kind,
    meta: meta(name, { labels, ...(owner ? { owner } : {}) }),
    templateLabels: labels,
    templateAnnotations: {},
    templateContainers: ['app'],
    replicas: { desired: 1, ready: 1, available: 1 },
    ...rest,
  };
}

/** A running, ready pod with an injected sidecar unless told otherwise. */
export function pod(name: string, labels: Record<string, string>, over: { owner?: string; sidecar?: boolean; ready?: boolean; phase?: string; serviceAccount?: string; namespace?: string } = {}): PodObject {
  const sidecar = over.sidecar ?? true;
  return {
    meta: meta(name, {
      labels,
      ...(over.owner ? { owner: over.owner } : {}),
      ...(over.namespace ? { namespace: over.namespace } : {}),
      annotations: sidecar ? { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' } : {},
    }),
    phase: over.phase ?? 'Running',
    ready: over.ready ?? true,
    containers: sidecar ? ['app', 'istio-proxy'] : ['app'],
    ...(over.serviceAccount ? { serviceAccount: over.serviceAccount } : {}),
  };
}

/** A ClusterIP service on port 9080. */
export function service(name: string, selector: Record<string, string>, namespace = 'bookinfo'): ServiceObject {
  return { meta: meta(name, { namespace, labels: { app: name } }), type: 'ClusterIP', selector, ports: [{ name: 'http', port: 9080, protocol: 'TCP' }] };
}

/** An Istio object in `bookinfo` unless told otherwise. */
export function istio(kind: IstioRef['kind'], name: string, over: Partial<IstioObject> = {}): IstioObject {
  return { kind, name, namespace: 'bookinfo', hosts: [], targetRefs: false, ...over };
}

/** The objects of one kind in a multi-document YAML text, as the API's list answer (broken documents skipped). */
export function istioListOf(yamlText: string, kind: IstioRef['kind']): { items: unknown[] } {
  const docs = parseAllDocuments(yamlText);
  const items = (Array.isArray(docs) ? docs : [])
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS() as { kind?: string } | null)
    .filter((o) => o?.kind === kind);
  return { items };
}
