import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A JSON-schema node as it appears in a CRD's `openAPIV3Schema`. */
export type JsonSchema = { [keyword: string]: unknown };

/** One entry of a CRD's `spec.versions`. */
export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema: { openAPIV3Schema: JsonSchema };
  subresources?: { status?: Record<string, never> };
}

/** The `spec.names` block of a CRD. */
export interface CrdNames {
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  categories?: string[];
}

/** An `apiextensions.k8s.io/v1` CustomResourceDefinition, typed as far as the lab needs it. */
export interface CrdDocument {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { group: string; names: CrdNames; scope: 'Namespaced' | 'Cluster'; versions: CrdVersion[] };
}

const PACKAGE = '@kubernetes-models/istio';

/** install.istio.io (IstioOperator) is an installer API, not mesh configuration, so it stays out. */
const GROUPS = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io'];

/**
 * Kinds that Istio promoted to v1 after the package's snapshot (Istio 1.18). Istio serves v1 with the same
 * schema as the newest older version, and current samples (bookinfo) are written against v1.
 */
const PROMOTED_TO_V1: Record<string, string[]> = {
  'networking.istio.io': [
    'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService', 'WorkloadEntry', 'WorkloadGroup',
  ],
  'security.istio.io': ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication'],
  'telemetry.istio.io': ['Telemetry'],
};

/** Short names as Istio declares them; kubectl users type these. */
const SHORT_NAMES: Record<string, string[]> = {
  'networking.istio.io/DestinationRule': ['dr'],
  'networking.istio.io/Gateway': ['gw'],
  'networking.istio.io/ServiceEntry': ['se'],
  'networking.istio.io/VirtualService': ['vs'],
  'networking.istio.io/WorkloadEntry': ['we'],
  'networking.istio.io/WorkloadGroup': ['wg'],
  'security.istio.io/AuthorizationPolicy': ['ap'],
  'security.istio.io/PeerAuthentication': ['pa'],
  'security.istio.io/RequestAuthentication': ['ra'],
  'telemetry.istio.io/Telemetry': ['telemetry'],
};

/** Keywords a structural schema node may carry besides its children; everything else is dropped. */
const KEPT_KEYWORDS = new Set([
  'type', 'nullable', 'format', 'description', 'enum', 'required', 'pattern', 'multipleOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'minProperties', 'maxProperties',
]);

/** What Kubernetes allows inside allOf/anyOf/oneOf/not: value checks only, nothing that shapes the object. */
const VALUE_KEYWORDS = new Set([
  'enum', 'required', 'pattern', 'multipleOf', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties',
  'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'not',
]);

const JUNCTORS = ['allOf', 'anyOf', 'oneOf', 'not'] as const;

const PRESERVE = 'x-kubernetes-preserve-unknown-fields';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** True for `anyOf: [{type: integer}, {type: string}]`, the one typeless shape Kubernetes names itself. */
function isIntOrStringUnion(node: Record<string, unknown>): boolean {
  const union = node.anyOf ?? node.oneOf;
  if (!Array.isArray(union) || union.length !== 2) return false;
  const types = union.map((branch) => (isRecord(branch) ? branch.type : undefined)).sort();
  return types[0] === 'integer' && types[1] === 'string';
}

/**
 * Whether a junctor branch may stay: Kubernetes accepts it only if it checks values, never declares types
 * or extensions, and every property it names exists in the structural schema next to it.
 */
function fitsStructure(validation: unknown, structure: JsonSchema): boolean {
  if (!isRecord(validation)) return false;
  return Object.entries(validation).every(([keyword, value]) => {
    if (!VALUE_KEYWORDS.has(keyword)) return false;
    if (keyword === 'properties') {
      const known = structure.properties;
      return isRecord(value) && isRecord(known) &&
        Object.entries(value).every(([name, sub]) => isRecord(known[name]) && fitsStructure(sub, known[name]));
    }
    if (keyword === 'items') return isRecord(structure.items) && fitsStructure(value, structure.items);
    if (keyword === 'not') return fitsStructure(value, structure);
    if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') {
      return Array.isArray(value) && value.length > 0 && value.every((branch) => fitsStructure(branch, structure));
    }
    return true;
  });
}

/**
 * Turns one node of the package's JSON schema into a structural CRD schema node: typed objects and arrays,
 * no `$ref`, open objects marked as such (otherwise the API server would prune free-form fields such as an
 * EnvoyFilter patch to `{}`), and junctors kept only where Kubernetes accepts them.
 */
function structuralSchema(node: unknown): JsonSchema {
  if (!isRecord(node)) return { [PRESERVE]: true };
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (KEPT_KEYWORDS.has(keyword) || keyword.startsWith('x-kubernetes-')) out[keyword] = value;
  }
  if (typeof out.type !== 'string') delete out.type;
  // Proto `bytes` travel as base64 in JSON; Kubernetes knows that as `byte` and warns about `binary`.
  if (out.format === 'binary') out.format = 'byte';
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;

  if (isRecord(node.properties) && Object.keys(node.properties).length > 0) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, sub]) => [name, structuralSchema(sub)]),
    );
  }
  const items = Array.isArray(node.items) ? node.items[0] : node.items;
  if (items !== undefined) out.items = structuralSchema(items);
  // Kubernetes forbids properties next to a map schema, and `additionalProperties: false` altogether.
  if (isRecord(node.additionalProperties) && out.properties === undefined) {
    out.additionalProperties = structuralSchema(node.additionalProperties);
  } else if (node.additionalProperties === true && out.properties === undefined) {
    out[PRESERVE] = true;
  }

  const intOrString = out.type === undefined && isIntOrStringUnion(node);
  if (intOrString) {
    out['x-kubernetes-int-or-string'] = true;
  } else if (out.type === undefined) {
    if (out.properties !== undefined || out.additionalProperties !== undefined) out.type = 'object';
    else if (out.items !== undefined) out.type = 'array';
    else out[PRESERVE] = true;
  }
  if (out.type === 'array' && out.items === undefined) out.items = { [PRESERVE]: true };
  if (out.type === 'object' && out.properties === undefined && out.additionalProperties === undefined) {
    out[PRESERVE] = true;
  }

  if (!intOrString) {
    for (const junctor of JUNCTORS) {
      const value = node[junctor];
      if (value !== undefined && fitsStructure({ [junctor]: value }, out)) out[junctor] = value;
    }
  }
  return out;
}

const OPEN_OBJECT: JsonSchema = { type: 'object', [PRESERVE]: true };

/** The CRD root: apiVersion, kind and metadata are left to the API server, which forbids most of metadata. */
function crdRootSchema(packageSchema: JsonSchema): JsonSchema {
  const properties = isRecord(packageSchema.properties) ? packageSchema.properties : {};
  // Cloned because versions derived from one package schema (v1 and v1beta1) would otherwise share arrays.
  return structuredClone({
    type: 'object',
    properties: {
      spec: properties.spec === undefined ? OPEN_OBJECT : structuralSchema(properties.spec),
      status: properties.status === undefined ? OPEN_OBJECT : structuralSchema(properties.status),
    },
  });
}

/** Orders Kubernetes version names: v1 > v1beta2 > v1beta1 > v1alpha3 > v1alpha1. */
function versionRank(name: string): number {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(name);
  if (!match) return -1;
  const stability = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return Number(match[1]) * 1_000_000 + stability * 10_000 + Number(match[3] ?? 0);
}

/** Every Istio plural follows the English rule (serviceentries, telemetries); the tests hold it to Istio's file. */
function pluralOf(kind: string): string {
  const singular = kind.toLowerCase();
  return /[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : `${singular}s`;
}

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

function packageVersion(dir: string): string {
  const manifest: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!isRecord(manifest) || typeof manifest.version !== 'string') throw new Error(`${PACKAGE}: no version in package.json`);
  return manifest.version;
}

interface ModelFile {
  group: string;
  version: string;
  kind: string;
  schema: JsonSchema;
}

/**
 * Reads a generated model as text: requiring it would pull in the package's runtime (validators, base
 * classes) just to get at a literal the generator wrote out as JSON.
 */
function readModelFile(path: string, group: string, version: string): ModelFile {
  const text = readFileSync(path, 'utf8');
  const literal = /^const schema = (\{[\s\S]*?\n\});$/m.exec(text)?.[1];
  const apiVersion = /\.apiVersion = "([^"]+)";/.exec(text)?.[1];
  const kind = /\.kind = "([^"]+)";/.exec(text)?.[1];
  if (literal === undefined || apiVersion === undefined || kind === undefined) {
    throw new Error(`${path}: no schema literal, apiVersion or kind; the package layout changed`);
  }
  if (apiVersion !== `${group}/${version}`) throw new Error(`${path}: apiVersion ${apiVersion} does not match its folder`);
  const schema: unknown = JSON.parse(literal);
  if (!isRecord(schema)) throw new Error(`${path}: schema literal is not an object`);
  return { group, version, kind, schema };
}

function listModelFiles(dir: string): ModelFile[] {
  const models: ModelFile[] = [];
  for (const group of GROUPS) {
    const groupDir = join(dir, group);
    const versions = readdirSync(groupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && versionRank(entry.name) >= 0)
      .map((entry) => entry.name);
    for (const version of versions) {
      for (const file of readdirSync(join(groupDir, version)).sort()) {
        if (!file.endsWith('.js') || file === 'index.js') continue;
        models.push(readModelFile(join(groupDir, version, file), group, version));
      }
    }
  }
  return models;
}

function buildCrd(group: string, kind: string, schemas: Map<string, JsonSchema>): CrdDocument {
  const byRank = [...schemas.keys()].sort((a, b) => versionRank(b) - versionRank(a));
  const newest = byRank[0];
  if (newest === undefined) throw new Error(`${group}/${kind}: no versions`);
  const plural = pluralOf(kind);
  const shortNames = SHORT_NAMES[`${group}/${kind}`];
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: {
        kind,
        listKind: `${kind}List`,
        plural,
        singular: kind.toLowerCase(),
        ...(shortNames ? { shortNames: [...shortNames] } : {}),
        categories: ['istio-io', group.replaceAll('.', '-')],
      },
      scope: 'Namespaced',
      versions: byRank.map((name) => ({
        name,
        served: true,
        storage: name === newest,
        schema: { openAPIV3Schema: crdRootSchema(schemas.get(name) ?? {}) },
        subresources: { status: {} },
      })),
    },
  };
}

/** Derives Istio's CRDs, OpenAPI schemas included, from the JSON schemas inside `@kubernetes-models/istio`. */
export function deriveIstioCrds(): CrdDocument[] {
  const kinds = new Map<string, { group: string; kind: string; schemas: Map<string, JsonSchema> }>();
  for (const model of listModelFiles(packageDir())) {
    const key = `${model.group}/${model.kind}`;
    const entry = kinds.get(key) ?? { group: model.group, kind: model.kind, schemas: new Map<string, JsonSchema>() };
    entry.schemas.set(model.version, model.schema);
    kinds.set(key, entry);
  }
  for (const { group, kind, schemas } of kinds.values()) {
    if (!PROMOTED_TO_V1[group]?.includes(kind) || schemas.has('v1')) continue;
    const newest = [...schemas.keys()].sort((a, b) => versionRank(b) - versionRank(a))[0];
    const source = newest === undefined ? undefined : schemas.get(newest);
    if (source !== undefined) schemas.set('v1', source);
  }
  return [...kinds.values()]
    .map(({ group, kind, schemas }) => buildCrd(group, kind, schemas))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

function isCrdVersion(value: unknown): value is CrdVersion {
  return isRecord(value) && typeof value.name === 'string' && typeof value.served === 'boolean' &&
    typeof value.storage === 'boolean' && isRecord(value.schema) && isRecord(value.schema.openAPIV3Schema);
}

function isCrdDocument(value: Record<string, unknown>): value is Record<string, unknown> & CrdDocument {
  const { metadata, spec } = value;
  return isRecord(metadata) && typeof metadata.name === 'string' &&
    (metadata.labels === undefined || isStringRecord(metadata.labels)) &&
    isRecord(spec) && typeof spec.group === 'string' && (spec.scope === 'Namespaced' || spec.scope === 'Cluster') &&
    isRecord(spec.names) && typeof spec.names.kind === 'string' && typeof spec.names.plural === 'string' &&
    Array.isArray(spec.versions) && spec.versions.length > 0 && spec.versions.every(isCrdVersion);
}

/** Reads the CustomResourceDefinitions of a multi-document YAML file such as Istio's `crd-all.gen.yaml`. */
export function readCrdFile(path: string): CrdDocument[] {
  const documents = parseAllDocuments(readFileSync(path, 'utf8'));
  const crds: CrdDocument[] = [];
  documents.forEach((document, index) => {
    const problem = document.errors[0];
    if (problem) throw new Error(`${path}: document ${index + 1}: ${problem.message}`);
    const value: unknown = document.toJS();
    if (!isRecord(value) || value.kind !== 'CustomResourceDefinition') return;
    if (value.apiVersion !== 'apiextensions.k8s.io/v1' || !isCrdDocument(value)) {
      throw new Error(`${path}: document ${index + 1} is not a complete apiextensions.k8s.io/v1 CRD`);
    }
    crds.push(value);
  });
  return crds;
}

// Partial because Next's types make NODE_ENV required, and callers such as tests pass a bare environment.
/** Istio's CRDs for the lab: from `ISTIO_CRDS_FILE` when set, otherwise derived from the npm package. */
export function istioCrds(env: Partial<NodeJS.ProcessEnv> = process.env): { source: string; crds: CrdDocument[] } {
  const file = env.ISTIO_CRDS_FILE;
  if (file) {
    const path = resolve(file);
    return { source: path, crds: readCrdFile(path) };
  }
  return { source: `${PACKAGE}@${packageVersion(packageDir())}`, crds: deriveIstioCrds() };
}
