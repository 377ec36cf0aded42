import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { deriveIstioCrds, istioCrds, readCrdFile, type CrdDocument, type JsonSchema } from './istio-crds';
import { ROOT } from './paths';

const REFERENCE = resolve(ROOT, '../shared/reference');
const CRD_FILE = join(REFERENCE, 'istio-crds/crd-all.gen.yaml');
const BOOKINFO = join(REFERENCE, 'istio-samples/bookinfo/networking');
const GROUPS = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io'];

const derived = deriveIstioCrds();
const reference = readCrdFile(CRD_FILE).filter((crd) => GROUPS.includes(crd.spec.group));

/** Kinds Istio added after 1.18.0, the release @kubernetes-models/istio 2.3.0 was generated from. */
const KINDS_THE_PACKAGE_PREDATES = ['trafficextensions.extensions.istio.io'];

/**
 * Spec fields (first.second level) Istio added after 1.18.0: VirtualService `mirrors` (1.19), DestinationRule
 * `proxyProtocol` and `retryBudget`, AuthorizationPolicy `targetRef(s)` (ambient waypoints). Listed so that a
 * field lost by the derivation, rather than never in the package, still fails the test.
 */
const FIELDS_THE_PACKAGE_PREDATES: Record<string, string[]> = {
  VirtualService: ['http.mirrors'],
  DestinationRule: ['trafficPolicy.proxyProtocol', 'trafficPolicy.retryBudget'],
  Gateway: [],
  PeerAuthentication: [],
  AuthorizationPolicy: [
    'targetRef', 'targetRef.group', 'targetRef.kind', 'targetRef.name', 'targetRef.namespace',
    'targetRefs', 'targetRefs.group', 'targetRefs.kind', 'targetRefs.name', 'targetRefs.namespace',
  ],
};

const JUNCTORS = ['allOf', 'anyOf', 'oneOf', 'not'];
/** Keywords Kubernetes forbids under a junctor: there, only value checks may appear. */
const SHAPING = ['type', 'nullable', 'description', 'default', 'additionalProperties', '$ref'];
const PRESERVE = 'x-kubernetes-preserve-unknown-fields';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byName(crds: CrdDocument[], name: string): CrdDocument {
  const crd = crds.find((c) => c.metadata.name === name);
  if (!crd) throw new Error(`no CRD ${name}`);
  return crd;
}

function versionSchema(crd: CrdDocument, version: string): JsonSchema {
  const entry = crd.spec.versions.find((v) => v.name === version);
  if (!entry) throw new Error(`${crd.metadata.name} has no version ${version}`);
  return entry.schema.openAPIV3Schema;
}

/** Follows `properties` down a path of field names. */
function fieldAt(node: unknown, ...names: string[]): unknown {
  return names.reduce<unknown>(
    (current, name) => (isRecord(current) && isRecord(current.properties) ? current.properties[name] : undefined),
    node,
  );
}

function specOf(root: JsonSchema): unknown {
  return fieldAt(root, 'spec');
}

/** Visits the structural nodes (what the API server prunes by), not the value checks under junctors. */
function walkStructure(node: unknown, path: string, visit: (node: Record<string, unknown>, path: string) => void): void {
  if (!isRecord(node)) return;
  visit(node, path);
  if (isRecord(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) walkStructure(child, `${path}.${name}`, visit);
  }
  walkStructure(node.items, `${path}[]`, visit);
  walkStructure(node.additionalProperties, `${path}{}`, visit);
}

/** The node whose `properties` hold an element's fields: through arrays, and through maps of objects. */
function fieldHolder(node: unknown): unknown {
  let current = node;
  while (isRecord(current) && isRecord(current.items)) current = current.items;
  if (isRecord(current) && !isRecord(current.properties) && isRecord(current.additionalProperties)) {
    current = current.additionalProperties;
  }
  return current;
}

/** Spec field names at the first level and `first.second` at the second. */
function specFieldNames(root: JsonSchema): string[] {
  const spec = fieldHolder(specOf(root));
  if (!isRecord(spec) || !isRecord(spec.properties)) return [];
  const names: string[] = [];
  for (const [first, node] of Object.entries(spec.properties)) {
    names.push(first);
    const holder = fieldHolder(node);
    if (isRecord(holder) && isRecord(holder.properties)) {
      for (const second of Object.keys(holder.properties)) names.push(`${first}.${second}`);
    }
  }
  return names.sort();
}

function deepKeys(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => deepKeys(item, found));
  else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      found.add(key);
      deepKeys(child, found);
    }
  }
  return found;
}

/** Fields of `value` the schema does not declare, i.e. what the API server would reject or prune. */
function undeclaredFields(value: unknown, schema: unknown, path: string): string[] {
  if (!isRecord(schema) || schema[PRESERVE] === true) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => undeclaredFields(item, schema.items, `${path}[${i}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const declared = isRecord(schema.properties) ? schema.properties[key] : schema.additionalProperties;
    return declared === undefined ? [`${path}.${key}`] : undeclaredFields(child, declared, `${path}.${key}`);
  });
}

describe('deriveIstioCrds compared with Istio’s own CRDs', () => {
  it('covers every kind of the reference file except those newer than the package', () => {
    const derivedNames = derived.map((crd) => crd.metadata.name);
    expect(reference.map((crd) => crd.metadata.name).filter((name) => !derivedNames.includes(name))).toEqual(
      KINDS_THE_PACKAGE_PREDATES,
    );
    expect(derivedNames.filter((name) => !reference.some((crd) => crd.metadata.name === name))).toEqual([]);
  });

  it.each(reference.map((crd) => crd.metadata.name).filter((name) => !KINDS_THE_PACKAGE_PREDATES.includes(name)))(
    '%s has Istio’s group, names, scope and served versions',
    (name) => {
      const ours = byName(derived, name);
      const theirs = byName(reference, name);
      expect(ours.spec.group).toBe(theirs.spec.group);
      expect(ours.spec.scope).toBe(theirs.spec.scope);
      expect(ours.spec.names).toEqual(theirs.spec.names);
      expect(ours.metadata.name).toBe(`${ours.spec.names.plural}.${ours.spec.group}`);
      const served = theirs.spec.versions.filter((v) => v.served).map((v) => v.name);
      const missingVersions = served.filter((version) => !ours.spec.versions.some((v) => v.name === version));
      expect(missingVersions).toEqual([]);
    },
  );

  it.each(derived.map((crd) => [crd.metadata.name, crd] as const))(
    '%s serves every version and stores the most stable one',
    (_name, crd) => {
      const names = crd.spec.versions.map((v) => v.name);
      const mostStable = names.includes('v1') ? 'v1' : names.includes('v1beta1') ? 'v1beta1' : names[0];
      expect(crd.spec.versions.filter((v) => v.storage).map((v) => v.name)).toEqual([mostStable]);
      expect(crd.spec.versions.every((v) => v.served)).toBe(true);
      expect(crd.spec.versions.every((v) => isRecord(v.subresources?.status))).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it('adds the v1 that Istio serves for kinds promoted after the package was generated', () => {
    const versionsOf = (name: string) => byName(derived, name).spec.versions.map((v) => v.name).sort();
    expect(versionsOf('peerauthentications.security.istio.io')).toEqual(['v1', 'v1beta1']);
    expect(versionsOf('telemetries.telemetry.istio.io')).toEqual(['v1', 'v1alpha1']);
    expect(versionsOf('virtualservices.networking.istio.io')).toEqual(['v1', 'v1alpha3', 'v1beta1']);
    expect(versionsOf('envoyfilters.networking.istio.io')).toEqual(['v1alpha3']);
    const pa = byName(derived, 'peerauthentications.security.istio.io');
    expect(versionSchema(pa, 'v1')).toEqual(versionSchema(pa, 'v1beta1'));
  });
});

describe('derived spec fields at the first two levels', () => {
  const cases = Object.keys(FIELDS_THE_PACKAGE_PREDATES).flatMap((kind) => {
    const theirs = reference.find((crd) => crd.spec.names.kind === kind);
    if (!theirs) throw new Error(`reference has no ${kind}`);
    return theirs.spec.versions.map((v) => [kind, v.name, theirs.metadata.name] as const);
  });

  it.each(cases)('%s %s matches the reference', (kind, version, name) => {
    const ours = specFieldNames(versionSchema(byName(derived, name), version));
    const theirs = specFieldNames(versionSchema(byName(reference, name), version));
    expect(theirs.length).toBeGreaterThan(0);
    expect({ missing: theirs.filter((f) => !ours.includes(f)), extra: ours.filter((f) => !theirs.includes(f)) }).toEqual({
      missing: FIELDS_THE_PACKAGE_PREDATES[kind],
      extra: [],
    });
  });
});

describe('derived schemas are structural', () => {
  const versions = derived.flatMap((crd) =>
    crd.spec.versions.map((v) => [crd.metadata.name, v.name, v.schema.openAPIV3Schema] as const),
  );

  it.each(versions)('%s %s', (_name, _version, root) => {
    const problems: string[] = [];
    walkStructure(root, '', (node, path) => {
      const typed = typeof node.type === 'string' || node[PRESERVE] === true || node['x-kubernetes-int-or-string'] === true;
      if (!typed) problems.push(`${path}: no type`);
      if (node.type === 'array' && !isRecord(node.items)) problems.push(`${path}: array without items`);
      if (isRecord(node.properties) && node.additionalProperties !== undefined) {
        problems.push(`${path}: properties and additionalProperties`);
      }
      if (node.additionalProperties === false) problems.push(`${path}: additionalProperties false`);
      for (const junctor of JUNCTORS) {
        const shaping = [...deepKeys(node[junctor])].filter((k) => SHAPING.includes(k) || k.startsWith('x-kubernetes-'));
        if (shaping.length > 0) problems.push(`${path}.${junctor}: ${shaping.join(', ')}`);
      }
    });
    expect(problems).toEqual([]);
    expect(deepKeys(root).has('$ref')).toBe(false);
    expect(Object.keys(root).sort()).toEqual(['properties', 'type']);
    expect(Object.keys(isRecord(root.properties) ? root.properties : {}).sort()).toEqual(['spec', 'status']);
  });

  it('leaves open exactly the spec objects Istio leaves open, where both have the field', () => {
    const differences: string[] = [];
    for (const theirs of reference) {
      const ours = derived.find((crd) => crd.metadata.name === theirs.metadata.name);
      for (const version of theirs.spec.versions) {
        if (!ours?.spec.versions.some((v) => v.name === version.name)) continue;
        const open = (root: JsonSchema) => {
          const paths = new Map<string, boolean>();
          walkStructure(specOf(root), 'spec', (node, path) => paths.set(path, node[PRESERVE] === true));
          return paths;
        };
        const theirOpen = open(version.schema.openAPIV3Schema);
        for (const [path, isOpen] of open(versionSchema(ours, version.name))) {
          const theirsIsOpen = theirOpen.get(path);
          if (theirsIsOpen !== undefined && theirsIsOpen !== isOpen) {
            differences.push(`${theirs.metadata.name} ${version.name} ${path}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
    const wasm = versionSchema(byName(derived, 'wasmplugins.extensions.istio.io'), 'v1alpha1');
    expect(fieldAt(wasm, 'spec', 'pluginConfig')).toMatchObject({ type: 'object', [PRESERVE]: true });
  });

  it('keeps the one-of checks the package carries, e.g. DestinationRule simple versus consistentHash', () => {
    const dr = versionSchema(byName(derived, 'destinationrules.networking.istio.io'), 'v1');
    const loadBalancer = fieldAt(dr, 'spec', 'trafficPolicy', 'loadBalancer');
    expect(isRecord(loadBalancer) && Array.isArray(loadBalancer.oneOf) ? loadBalancer.oneOf.length : 0).toBe(3);
  });

  it('declares every field of the bookinfo networking samples, in a version the CRD serves', () => {
    const problems: string[] = [];
    for (const file of readdirSync(BOOKINFO).filter((f) => f.endsWith('.yaml')).sort()) {
      for (const document of parseAllDocuments(readFileSync(join(BOOKINFO, file), 'utf8'))) {
        const object: unknown = document.toJS();
        if (!isRecord(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') continue;
        const [group, version] = object.apiVersion.split('/');
        const crd = derived.find((c) => c.spec.group === group && c.spec.names.kind === object.kind);
        const served = crd?.spec.versions.find((v) => v.name === version);
        if (!crd || !served) {
          problems.push(`${file}: ${object.apiVersion} ${object.kind} not served`);
          continue;
        }
        problems.push(...undeclaredFields(object.spec, specOf(served.schema.openAPIV3Schema), `${file}: spec`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('readCrdFile', () => {
  it('returns every CustomResourceDefinition of Istio’s file', () => {
    const text = readFileSync(CRD_FILE, 'utf8');
    const expected = text.match(/^kind: CustomResourceDefinition$/gm)?.length;
    expect(expected).toBe(15);
    const crds = readCrdFile(CRD_FILE);
    expect(crds).toHaveLength(15);
    expect(new Set(crds.map((crd) => crd.metadata.name)).size).toBe(15);
    expect(crds.every((crd) => crd.spec.versions.length > 0)).toBe(true);
  });

  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.io}
spec:
  group: example.io
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
`;
  it.each([
    ['an empty and a null document', `---\n---\n~\n---\n${crd}`, 1],
    ['a non-CRD document', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n${crd}`, 1],
    ['no documents', '', 0],
  ])('skips %s', (_label, text, count) => {
    const path = join(mkdtempSync(join(tmpdir(), 'crds-')), 'crds.yaml');
    writeFileSync(path, text);
    expect(readCrdFile(path).map((c) => c.metadata.name)).toEqual(Array(count).fill('widgets.example.io'));
  });

  it.each([
    ['a CRD without versions', crd.replace(/ {2}versions: .*\n/, ''), /document 1 is not a complete/],
    ['a v1beta1 CRD', crd.replace('apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1'), /document 1 is not a complete/],
    ['broken YAML', `${crd}---\nkind: [unclosed\n`, /document 2/],
  ])('rejects %s', (_label, text, error) => {
    const path = join(mkdtempSync(join(tmpdir(), 'crds-')), 'crds.yaml');
    writeFileSync(path, text);
    expect(() => readCrdFile(path)).toThrow(error);
  });
});

describe('istioCrds', () => {
  it('reads ISTIO_CRDS_FILE when it is set', () => {
    const { source, crds } = istioCrds({ ISTIO_CRDS_FILE: CRD_FILE });
    expect(source).toBe(CRD_FILE);
    expect(crds).toEqual(readCrdFile(CRD_FILE));
  });

  it('derives from the npm package otherwise, naming its version', () => {
    const manifest: unknown = JSON.parse(readFileSync(join(ROOT, 'node_modules/@kubernetes-models/istio/package.json'), 'utf8'));
    const version = isRecord(manifest) ? manifest.version : undefined;
    const { source, crds } = istioCrds({});
    expect(source).toBe(`@kubernetes-models/istio@${String(version)}`);
    expect(source).toBe('@kubernetes-models/istio@2.3.0');
    expect(crds).toEqual(derived);
    expect(istioCrds({ ISTIO_CRDS_FILE: '' }).source).toBe(source);
  });
});
