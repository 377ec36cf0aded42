// Test support: builds a ConfigScope from Istio's and Kiali's sample YAML files, read where they are kept
// (../shared/reference/istio-samples), never copied into the repo.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { IstioRef } from '../inventory/types';
import { isIstioKind } from './parse';
import type { ConfigScope, Finding, IstioResource, MeshService, MeshWorkload, ObjectValidation } from './types';
import { labelMap, list, record, str } from './read';

/** The reference sample directory. */
export const SAMPLES = fileURLToPath(new URL('../../../../shared/reference/istio-samples/', import.meta.url));

/** The documents of a multi-document YAML text that parse (broken ones skipped), as plain objects. */
export function documentsOf(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text)
    .filter((d) => d.errors.length === 0)
    .flatMap((d) => {
      const doc = record(d.toJS());
      return doc ? [doc] : [];
    });
}

/** The documents of sample files, paths relative to SAMPLES. */
export function sampleDocuments(...files: string[]): Record<string, unknown>[] {
  return files.flatMap((f) => documentsOf(readFileSync(`${SAMPLES}${f}`, 'utf8')));
}

function workloadOf(kind: string, meta: Record<string, unknown>, namespace: string, spec: Record<string, unknown> | undefined): MeshWorkload | undefined {
  const name = str(meta.name) ?? '';
  if (kind === 'Pod') return { namespace, name, labels: labelMap(meta.labels), sidecar: true };
  const template = record(record(spec?.template)?.metadata);
  return template ? { namespace, name, labels: labelMap(template.labels), sidecar: true } : undefined;
}

/**
 * A scope from parsed documents, as `kubectl apply` would create them: objects without a namespace land in
 * `default`; Istio kinds become objects, Services services, Pods and pod controllers workloads (template labels);
 * namespaces are the Namespace documents plus every namespace an object lives in.
 */
export function scopeOf(docs: readonly Record<string, unknown>[], rootNamespace = 'istio-system'): ConfigScope {
  const objects: IstioResource[] = [];
  const services: MeshService[] = [];
  const workloads: MeshWorkload[] = [];
  const namespaces = new Set<string>();
  for (const doc of docs) {
    const kind = str(doc.kind) ?? '';
    const meta = record(doc.metadata) ?? {};
    const spec = record(doc.spec);
    const namespace = str(meta.namespace) ?? 'default';
    if (kind === 'Namespace') {
      namespaces.add(str(meta.name) ?? '');
      continue;
    }
    namespaces.add(namespace);
    if (isIstioKind(kind)) {
      const metadata = { name: str(meta.name) ?? '', namespace, ...(str(meta.creationTimestamp) ? { creationTimestamp: str(meta.creationTimestamp) } : {}) };
      objects.push({ apiVersion: str(doc.apiVersion) ?? '', kind, metadata, spec: (doc.spec ?? {}) as Record<string, unknown> });
    } else if (kind === 'Service') {
      const ports = list(spec?.ports).flatMap((p) => {
        const port = record(p);
        if (typeof port?.port !== 'number') return [];
        const targetPort = typeof port.targetPort === 'number' || typeof port.targetPort === 'string' ? port.targetPort : undefined;
        return [{ name: str(port.name), port: port.port, protocol: str(port.protocol) ?? 'TCP', ...(targetPort !== undefined ? { targetPort } : {}) }];
      });
      services.push({ namespace, name: str(meta.name) ?? '', selector: labelMap(spec?.selector), ports });
    } else {
      const w = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(kind) ? workloadOf(kind, meta, namespace, spec) : undefined;
      if (w) workloads.push(w);
    }
  }
  return { objects, services, workloads, namespaces: [...namespaces].sort(), rootNamespace };
}

/** A scope from sample files. */
export function sampleScope(...files: string[]): ConfigScope {
  return scopeOf(sampleDocuments(...files));
}

/** `Kind ns/name code` for each finding, sorted: the shape the tables of expected findings are written in. */
export function flat(results: readonly ObjectValidation[], codes?: readonly string[]): string[] {
  return results
    .flatMap((r) => r.findings.filter((f) => !codes || codes.includes(f.code)).map((f) => `${r.ref.kind} ${r.ref.namespace}/${r.ref.name} ${f.code}`))
    .sort();
}

/** The findings of one object. */
export function findingsFor(results: readonly ObjectValidation[], ref: IstioRef): Finding[] {
  return results.find((r) => r.ref.kind === ref.kind && r.ref.namespace === ref.namespace && r.ref.name === ref.name)?.findings ?? [];
}
