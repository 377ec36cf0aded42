// Istio's own sample and reference YAML, loaded for unit tests (read from ../shared/reference at test time).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../paths';
import { buildMeshConfig, type MeshConfig } from '../simulator/istio-config';

/** The reference folder of Istio samples and test data. */
export const SAMPLES = resolve(ROOT, '../shared/reference/istio-samples');

/** Documents of a reference file; with `n`, only those of its `# example n` (istio/api examples files). */
export function docs(relative: string, n?: number): unknown[] {
  const out: unknown[] = [];
  let current = 0;
  for (const d of parseAllDocuments(readFileSync(join(SAMPLES, relative), 'utf8'))) {
    const number = /example (\d+)/.exec(d.contents?.commentBefore ?? '')?.[1];
    if (number) current = Number(number);
    const js: unknown = d.toJS();
    if (js && (n === undefined || current === n)) out.push(js);
  }
  return out;
}

/** Places objects that name no namespace (as `kubectl apply -n` would) and stamps a creation time. */
export function place(objects: unknown[], namespace: string, creationTimestamp?: string): unknown[] {
  return objects.map((o) => {
    const obj = o as { metadata?: Record<string, unknown> };
    return { ...obj, metadata: { namespace, ...obj.metadata, ...(creationTimestamp ? { creationTimestamp } : {}) } };
  });
}

/** A MeshConfig of the given objects; kinds the simulator does not read are skipped, anything else invalid throws. */
export function mesh(...groups: unknown[][]): MeshConfig {
  const { config, rejected } = buildMeshConfig(groups.flat());
  const invalid = rejected.filter((r) => !r.reason.startsWith('unsupported kind'));
  if (invalid[0]) throw new Error(`${JSON.stringify(invalid[0].object).slice(0, 100)}: ${invalid[0].reason}`);
  return config;
}

/** A MeshConfig of bookinfo sample files (`bookinfo/networking/<file>`), in the bookinfo namespace. */
export function bookinfoMesh(...files: string[]): MeshConfig {
  return mesh(...files.map((f) => place(docs(`bookinfo/networking/${f}`), 'bookinfo')));
}
