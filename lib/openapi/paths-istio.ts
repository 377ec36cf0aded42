// Istio config with validations and the mTLS report, as lib/mesh/istio/params.ts accepts them and
// lib/mesh/istio/api-types.ts and lib/mesh/mtls/types.ts shape them.

import { ISTIO_RESOURCES } from '../mesh/inventory/istio-parse';
import { ISTIO_KINDS } from '../mesh/istio/parse';
import { bool, csvParam, DNS_LABEL, DNS_SUBDOMAIN, durationSchema, int, json, list, nullable, num, obj, pathParam, queryParam, ref, str, upstreamErrors } from './builders';
import type { Parameter, PathItem, Schema } from './types';

/** A kind as its name (`VirtualService`) or resource plural (`virtualservices`, any case), as the parser takes it. */
const KIND: Schema = { type: 'string', enum: [...ISTIO_KINDS, ...ISTIO_KINDS.map((k) => ISTIO_RESOURCES[k].plural)] };
const STATUS: Schema = { type: 'string', enum: ['enabled', 'partly', 'disabled', 'not-enabled'] };
const cell = {
  status: STATUS,
  reasons: list(ref('MtlsReason')),
  observed: obj({ rps: num, mtlsShare: nullable(num) }),
  flags: list(ref('MtlsFlag')),
};

/** The Istio config and mTLS schemas. */
export const istioSchemas: Record<string, Schema> = {
  Finding: obj(
    {
      code: { type: 'string', description: 'Stable rule id, e.g. `vs.subset-not-found`.' },
      severity: { type: 'string', enum: ['error', 'warning', 'info'] },
      message: str,
      path: { type: 'string', description: 'Where in the object, e.g. `spec.http[0].route[1].destination.subset`.' },
      related: list(ref('IstioRef')),
    },
    ['code', 'severity', 'message', 'path'],
  ),
  IstioConfigItem: obj(
    { kind: ref('IstioKind'), namespace: str, name: str, createdAt: str, resourceVersion: str, valid: bool, findings: list(ref('Finding')) },
    ['kind', 'namespace', 'name', 'valid', 'findings'],
  ),
  IstioConfigList: obj({ namespaces: list(str), kind: ref('IstioKind'), items: list(ref('IstioConfigItem')) }, ['namespaces', 'items']),
  IstioResource: obj({
    apiVersion: str,
    kind: ref('IstioKind'),
    metadata: obj({ name: str, namespace: str, resourceVersion: str, creationTimestamp: str, labels: ref('Labels'), annotations: ref('Labels') }, ['name', 'namespace']),
    spec: { type: 'object', additionalProperties: true },
  }),
  IstioUpdateResult: obj({
    dryRun: bool,
    object: obj({}, [], 'The object as the API server answered.'),
    yaml: str,
    diff: list(obj({ lines: list(obj({ op: { type: 'string', enum: ['keep', 'remove', 'add'] }, text: str, oldLine: int, newLine: int }, ['op', 'text'])) })),
    findings: list(ref('Finding')),
  }),
  IstioConfigDetails: obj({
    item: ref('IstioConfigItem'),
    object: ref('IstioResource'),
    yaml: str,
    references: obj({ services: list(ref('NamespacedName')), workloads: list(ref('NamespacedName')), objects: list(ref('IstioRef')) }),
  }),
  MtlsReason: obj({ text: str, ref: ref('IstioRef'), path: str }, ['text']),
  MtlsFlag: obj(
    {
      code: { type: 'string', enum: ['observed-mismatch', 'strict-with-disable', 'no-sidecar-under-strict'] },
      severity: { type: 'string', enum: ['error', 'warning'] },
      message: str,
      related: list(ref('IstioRef')),
    },
    ['code', 'severity', 'message'],
  ),
  MtlsCell: obj(cell),
  MtlsReport: obj(
    {
      duration: int,
      rootNamespace: str,
      mesh: ref('MtlsCell'),
      namespaces: list(obj({ namespace: str, ...cell })),
      workloads: list(obj({ namespace: str, name: str, sidecar: bool, ...cell })),
      controlPlane: obj(
        {
          istiod: list(obj({ namespace: str, name: str, version: str, ready: int, desired: int }, ['namespace', 'name', 'ready', 'desired'])),
          pushing: { type: 'string', enum: ['yes', 'no', 'unknown'] },
          pushRate: num,
          note: str,
        },
        ['istiod', 'pushing'],
      ),
      observedError: { type: 'string', description: 'Why nothing was observed when Prometheus could not be read.' },
    },
    ['duration', 'rootNamespace', 'mesh', 'namespaces', 'workloads', 'controlPlane'],
  ),
};

const namespaces = (what: string): Parameter[] => [
  csvParam('namespace', DNS_LABEL, `Namespaces of the ${what}, comma-separated; all when absent.`, { maxItems: 100 }),
  csvParam('namespaces', DNS_LABEL, 'Read only when `namespace` is absent; same meaning.', { maxItems: 100 }),
];

const objectPath: Parameter[] = [
  pathParam('namespace', DNS_LABEL, 'Namespace of the object.'),
  pathParam('kind', KIND, 'Kind or resource plural.'),
  pathParam('name', DNS_SUBDOMAIN, 'Name of the object.'),
];

/** The Istio config and mTLS routes. */
export const istioPaths: Record<string, PathItem> = {
  '/api/istio': {
    get: {
      operationId: 'listIstioConfig',
      tags: ['istio'],
      summary: 'Istio objects of the chosen namespaces with their validations',
      parameters: [...namespaces('objects'), queryParam('kind', KIND, 'Only objects of this kind.')],
      responses: { '200': json('The objects.', ref('IstioConfigList')), ...upstreamErrors('404') },
    },
  },
  '/api/istio/{namespace}/{kind}/{name}': {
    get: {
      operationId: 'getIstioObject',
      tags: ['istio'],
      summary: 'One Istio object with its YAML, validation and references',
      parameters: objectPath,
      responses: { '200': json('The object.', ref('IstioConfigDetails')), ...upstreamErrors('404') },
    },
    put: {
      operationId: 'updateIstioObject',
      tags: ['istio'],
      summary: 'Replaces the object with edited YAML (or only checks it with dryRun); the answer carries the diff',
      parameters: [
        ...objectPath,
        queryParam('dryRun', { type: 'string', enum: ['true', 'false'] }, 'Run every check of the API server without storing anything.'),
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: obj({ yaml: { type: 'string', description: 'The whole object as YAML, with its metadata.resourceVersion.' } }) } },
      },
      responses: { '200': json('What was (or would be) stored.', ref('IstioUpdateResult')), ...upstreamErrors('403', '404', '409', '422') },
    },
  },
  '/api/mtls': {
    get: {
      operationId: 'getMtls',
      tags: ['istio'],
      summary: 'Mesh-wide, namespace and workload mTLS status with the reasons, and the observed share',
      parameters: [...namespaces('report'), queryParam('duration', durationSchema('300', '1m to 1d'), 'Telemetry window for the observed share.')],
      responses: { '200': json('The report.', ref('MtlsReport')), ...upstreamErrors('404') },
    },
  },
};
