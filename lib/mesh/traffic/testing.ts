// Test support: the VirtualServices of Istio's and Kiali's samples (read where they are kept, never copied), each
// with the inputs readTrafficModel needs, and a structural diff that names changed paths.

import { readdirSync, readFileSync } from 'node:fs';
import { qualifyHost, namespaceOfFqdn } from '../istio/hosts';
import { list, record, str } from '../istio/read';
import { SAMPLES, sampleDocuments, sampleScope } from '../istio/testing';
import type { IstioResource, MeshService } from '../istio/types';
import { objectsForService } from './objects-for-service';
import type { TrafficInput } from './read-model';
import type { TrafficEdit, TrafficModel } from './types';

type Obj = Record<string, unknown>;

/** One sample VirtualService as the API server would return it, and the DestinationRules shipped beside it. */
export interface SampleVirtualService {
  source: string;
  live: Obj;
  destinationRules: Obj[];
}

const kindOf = (kind: string) => (d: Obj) => d.kind === kind;

// As stored: a namespace (kubectl's default) and a resourceVersion, which the samples leave out.
function stored(doc: Obj): Obj {
  const metadata = record(doc.metadata) ?? {};
  return { ...doc, metadata: { ...metadata, namespace: str(metadata.namespace) ?? 'default', resourceVersion: str(metadata.resourceVersion) ?? '1' } };
}

function yamlSources(dir: string, drFiles: (file: string) => string[]): SampleVirtualService[] {
  return readdirSync(`${SAMPLES}${dir}`)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const docs = sampleDocuments(`${dir}/${f}`);
      // A file's own rules win over shared ones of the same name, as a later `kubectl apply` would.
      const rules = [...sampleDocuments(...drFiles(f)), ...docs].filter(kindOf('DestinationRule')).map(stored);
      const key = (d: Obj) => `${str(record(d.metadata)?.namespace)}/${str(record(d.metadata)?.name)}`;
      const destinationRules = [...new Map(rules.map((d) => [key(d), d])).values()];
      return docs.filter(kindOf('VirtualService')).map((vs, i) => ({ source: `${dir}/${f}#${i}`, live: stored(vs), destinationRules }));
    });
}

// Kiali's frontend test data is a bare spec with `name` beside it, not a Kubernetes object.
function frontendTestdata(): SampleVirtualService[] {
  return sampleDocuments('kiali-frontend-testdata/virtualService.yaml').map((doc, i) => {
    const { name, createdAt: _createdAt, resourceVersion, ...spec } = doc;
    const metadata = { name: str(name) ?? 'unnamed', namespace: 'bookinfo', resourceVersion: str(resourceVersion) ?? '1' };
    return { source: `kiali-frontend-testdata/virtualService.yaml#${i}`, live: { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata, spec }, destinationRules: [] };
  });
}

function cypressFixtures(): SampleVirtualService[] {
  const dir = 'kiali-cypress-fixtures';
  const read = (f: string): Obj => record(JSON.parse(readFileSync(`${SAMPLES}${dir}/${f}`, 'utf8'))) ?? {};
  const files = readdirSync(`${SAMPLES}${dir}`).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((f) => {
    const doc = read(f);
    if (doc.kind !== 'VirtualService') return [];
    const drFile = f.replace('virtualservice', 'destinationrule');
    const destinationRules = files.includes(drFile) ? [read(drFile)].filter(kindOf('DestinationRule')).map(stored) : [];
    return [{ source: `${dir}/${f}`, live: stored(doc), destinationRules }];
  });
}

/** Every VirtualService of the reference samples. */
export function sampleVirtualServices(): SampleVirtualService[] {
  return [
    ...yamlSources('bookinfo/networking', () => ['bookinfo/networking/destination-rule-all.yaml']),
    ...yamlSources('istio-api-doc-examples', () => []).filter((s) => s.source.startsWith('istio-api-doc-examples/virtual_service')),
    ...yamlSources('kiali-integration-assets', () => []),
    ...frontendTestdata(),
    ...cypressFixtures(),
  ];
}

/** An object as lib/k8s maps it. */
export function resourceOf(doc: Obj): IstioResource {
  const m = record(doc.metadata) ?? {};
  const metadata = { name: str(m.name) ?? '', namespace: str(m.namespace) ?? 'default', ...(str(m.resourceVersion) ? { resourceVersion: str(m.resourceVersion) } : {}) };
  return { apiVersion: str(doc.apiVersion) ?? '', kind: doc.kind as IstioResource['kind'], metadata, spec: record(doc.spec) ?? {} };
}

const BOOKINFO = sampleScope('bookinfo/platform/kube/bookinfo.yaml');

/** Bookinfo's service of that name (its selector and workloads) moved into `namespace`, or a bare `app` selector. */
export function bookinfoService(namespace: string, name: string): Pick<TrafficInput, 'service' | 'workloads'> {
  const found = BOOKINFO.services.find((s) => s.name === name);
  const service: MeshService = found ? { ...found, namespace } : { namespace, name, selector: { app: name }, ports: [] };
  return { service, workloads: BOOKINFO.workloads.map((w) => ({ ...w, namespace })) };
}

/** The input for the service a sample VirtualService's first host names (a short or service FQDN host). */
export function inputFor(sample: SampleVirtualService): { input: TrafficInput; liveDestinationRule?: Obj } {
  const vs = resourceOf(sample.live);
  const fqdn = qualifyHost(str(list(vs.spec.hosts)[0]) ?? '', vs.metadata.namespace);
  const namespace = namespaceOfFqdn(fqdn) ?? vs.metadata.namespace;
  const name = namespaceOfFqdn(fqdn) ? (fqdn.split('.')[0] ?? fqdn) : fqdn;
  const picked = objectsForService([vs, ...sample.destinationRules.map(resourceOf)], namespace, name);
  const dr = picked.destinationRules[0];
  const liveDestinationRule = dr ? sample.destinationRules.find((d) => record(d.metadata)?.name === dr.metadata.name && record(d.metadata)?.namespace === dr.metadata.namespace) : undefined;
  return { input: { namespace, ...bookinfoService(namespace, name), virtualServices: [vs], destinationRules: picked.destinationRules }, ...(liveDestinationRule ? { liveDestinationRule } : {}) };
}

/** The paths at which two JSON-like values differ (`spec.http[0].route[1].weight`), sorted. */
export function changedPaths(a: unknown, b: unknown, at = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => changedPaths(a[i], b[i], `${at}[${i}]`)).flat();
  }
  const ra = record(a);
  const rb = record(b);
  if (ra && rb) {
    return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort().flatMap((k) => changedPaths(ra[k], rb[k], at === '' ? k : `${at}.${k}`));
  }
  return Object.is(a, b) ? [] : [at];
}

/** The edit that keeps the model as read, with `change` applied on top. */
export function editOf(model: TrafficModel, change: Partial<TrafficEdit> = {}): TrafficEdit {
  const { routes, rules, fault, timeout, retries, circuitBreaker } = structuredClone(model);
  return { routes, rules, fault, timeout, retries, circuitBreaker, resourceVersion: model.resourceVersion, destinationRuleVersion: model.destinationRule?.resourceVersion, ...change };
}
