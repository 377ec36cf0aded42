// Namespaces, the app/workload/service lists and details, sidecar resources and the overview cards, as
// lib/mesh/inventory/params.ts accepts them and lib/mesh/inventory/types.ts shapes them.

import { INVENTORY_KINDS } from '../mesh/inventory/params';
import {
  bool,
  csvParam,
  DNS_LABEL,
  DNS_SUBDOMAIN,
  durationSchema,
  errors,
  int,
  json,
  LABEL_VALUE,
  list,
  nullable,
  num,
  obj,
  pathParam,
  queryParam,
  ref,
  str,
  upstreamErrors,
} from './builders';
import type { PathItem, Schema } from './types';

const SIDECAR: Schema = { type: 'string', enum: ['injected', 'partial', 'missing'] };
const INJECTION: Schema = { type: 'string', enum: ['enabled', 'disabled', 'unset'] };
const base = { namespace: str, name: str, labels: ref('Labels'), health: ref('HealthReport'), istio: list(ref('IstioRef')) };

/** The inventory schemas. */
export const inventorySchemas: Record<string, Schema> = {
  NamespaceSummary: obj({ name: str, labels: ref('Labels'), istioInjection: INJECTION }),
  WorkloadItem: obj(
    {
      ...base,
      kind: { const: 'workloads' },
      controller: str,
      app: str,
      version: str,
      sidecar: SIDECAR,
      replicas: obj({ desired: int, ready: int, available: int }),
      serviceAccounts: list(str),
      services: list(str),
    },
    [...Object.keys(base), 'kind', 'controller', 'sidecar', 'replicas', 'serviceAccounts', 'services'],
  ),
  ServiceItem: obj({
    ...base,
    kind: { const: 'services' },
    type: str,
    selector: ref('Labels'),
    ports: list(obj({ name: str, port: int, protocol: str, appProtocol: str }, ['port', 'protocol'])),
    workloads: list(str),
  }),
  AppItem: obj({ ...base, kind: { const: 'apps' }, versions: list(str), workloads: list(str), services: list(str), sidecar: SIDECAR }),
  InventoryItem: { oneOf: [ref('WorkloadItem'), ref('ServiceItem'), ref('AppItem')] },
  InventoryList: obj({
    namespace: str,
    kind: { type: 'string', enum: INVENTORY_KINDS },
    duration: { type: 'integer', description: 'Seconds of traffic the health looks at.' },
    items: list(ref('InventoryItem')),
  }),
  PodSummary: obj({ name: str, phase: str, ready: bool, sidecar: bool, labels: ref('Labels'), createdAt: str }, ['name', 'phase', 'ready', 'sidecar', 'labels']),
  InventoryDetails: obj({ item: ref('InventoryItem'), pods: list(ref('PodSummary')), duration: int }),
  NamespaceOverview: obj({
    namespace: str,
    labels: ref('Labels'),
    injection: INJECTION,
    apps: ref('HealthCounts'),
    workloads: ref('HealthCounts'),
    services: ref('HealthCounts'),
    inRps: num,
    inErrorRate: nullable(num),
    mtlsShare: nullable(num),
    sidecars: obj({ injected: int, total: int }),
  }),
  SidecarResources: obj({
    namespace: str,
    workload: str,
    pods: list(str),
    start: int,
    end: int,
    step: int,
    rateWindow: int,
    cpu: obj({ unit: { const: 'cores' }, series: list(ref('Series')) }),
    memory: obj({ unit: { const: 'bytes' }, series: list(ref('Series')) }),
  }),
};

const namespacePath = pathParam('namespace', DNS_LABEL, 'A namespace.');
const kindPath = pathParam('kind', { type: 'string', enum: INVENTORY_KINDS }, 'apps, workloads or services.');
const healthDuration = queryParam('duration', durationSchema('300', '1m to 1d'), 'Traffic window the health looks at.');

/** The inventory routes. */
export const inventoryPaths: Record<string, PathItem> = {
  '/api/namespaces': {
    get: {
      operationId: 'listNamespaces',
      tags: ['inventory'],
      summary: 'Namespaces with their labels and sidecar-injection setting, sorted by name',
      responses: {
        '200': json('The namespaces.', obj({ namespaces: list(ref('NamespaceSummary')) })),
        ...errors('502', '504'),
      },
    },
  },
  '/api/namespaces/{namespace}/{kind}': {
    get: {
      operationId: 'listInventory',
      tags: ['inventory'],
      summary: 'A namespace’s apps, workloads or services with health, versions, sidecar status and Istio config',
      parameters: [namespacePath, kindPath, healthDuration],
      responses: { '200': json('The list.', ref('InventoryList')), ...upstreamErrors('404') },
    },
  },
  '/api/namespaces/{namespace}/{kind}/{name}': {
    get: {
      operationId: 'getInventoryItem',
      tags: ['inventory'],
      summary: 'One app, workload or service with its pods',
      parameters: [
        namespacePath,
        kindPath,
        pathParam(
          'name',
          { anyOf: [DNS_LABEL, DNS_SUBDOMAIN, LABEL_VALUE] },
          'A service is a DNS-1123 label, a workload a DNS-1123 subdomain, an app a label value (letters, digits, `-_.`).',
        ),
        healthDuration,
      ],
      responses: { '200': json('The item and its pods.', ref('InventoryDetails')), ...upstreamErrors('404') },
    },
  },
  '/api/namespaces/{namespace}/workloads/{name}/resources': {
    get: {
      operationId: 'getSidecarResources',
      tags: ['inventory'],
      summary: 'CPU and memory of a workload’s Istio sidecars over time, summed over its pods',
      parameters: [
        namespacePath,
        pathParam('name', DNS_SUBDOMAIN, 'The workload.'),
        queryParam('duration', durationSchema('600', '1m to 7d'), 'History to chart.'),
        queryParam(
          'step',
          { type: 'string', pattern: '^\\d{1,6}[smhd]?$', description: 'At least 1s, at most the duration, at most 11000 points.' },
          'Seconds between points; chosen from the duration when absent.',
        ),
      ],
      responses: { '200': json('The two charts.', ref('SidecarResources')), ...upstreamErrors('404') },
    },
  },
  '/api/overview': {
    get: {
      operationId: 'getOverview',
      tags: ['inventory'],
      summary: 'One card per namespace: health counts, inbound traffic, mTLS share and sidecars',
      parameters: [csvParam('namespaces', DNS_LABEL, 'Namespaces to show; all when absent or empty.', { maxItems: 100 }), healthDuration],
      responses: { '200': json('The cards.', obj({ namespaces: list(ref('NamespaceOverview')) })), ...upstreamErrors('404') },
    },
  },
};
