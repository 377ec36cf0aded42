// Traffic management: a service's routing as the form edits it, the dry-run-then-apply pipeline, and the change
// history with its revert, as lib/traffic-params.ts accepts them and lib/mesh/traffic/types.ts shapes them.

import { bool, DNS_LABEL, int, json, list, num, obj, pathParam, queryParam, ref, str, strMap, upstreamErrors } from './builders';
import type { Parameter, PathItem, Schema } from './types';

const STRING_MATCH: Schema = { type: 'string', enum: ['exact', 'prefix', 'regex'] };
const KIND: Schema = { type: 'string', enum: ['VirtualService', 'DestinationRule'] };
const CHANGE_ID: Schema = { type: 'string', pattern: '^change-\\d{14}-[a-z0-9]{6}$', examples: ['change-20260514093000-k3x9q2'] };
const duration: Schema = { type: 'string', description: 'An Istio duration such as `5s` or `100ms`.' };

const settings: Record<string, Schema> = {
  routes: list(ref('WeightedSubset'), 'The default route (no match): its weights sum to 100; empty = Istio’s default, all versions.'),
  rules: list(ref('RoutingRule'), 'Routing rules before the default route, in order.'),
  fault: obj({ delay: obj({ percent: num, fixedDelay: duration }), abort: obj({ percent: num, httpStatus: int }) }, []),
  timeout: duration,
  retries: obj({ attempts: int, perTryTimeout: duration, retryOn: str }, ['attempts']),
  circuitBreaker: obj(
    {
      maxConnections: int,
      http1MaxPendingRequests: int,
      maxRequestsPerConnection: int,
      consecutive5xxErrors: int,
      interval: duration,
      baseEjectionTime: duration,
      maxEjectionPercent: int,
    },
    [],
  ),
};

const versionRef = obj({ name: str, resourceVersion: str });

/** The traffic schemas. */
export const trafficSchemas: Record<string, Schema> = {
  WeightedSubset: obj({ subset: { type: 'string', description: 'A DestinationRule subset or a version of the service.' }, weight: int }),
  MatchCondition: {
    anyOf: [
      obj({ kind: { const: 'header' }, name: str, match: STRING_MATCH, value: str }),
      obj({ kind: { const: 'uri' }, match: STRING_MATCH, value: str }),
    ],
  },
  RoutingRule: obj({ name: str, match: list(ref('MatchCondition')), route: list(ref('WeightedSubset')) }, ['match', 'route']),
  TrafficModel: obj(
    {
      namespace: str,
      service: str,
      host: str,
      ...settings,
      resourceVersion: { type: 'string', description: 'Of the VirtualService; absent when there is none yet.' },
      virtualService: versionRef,
      destinationRule: versionRef,
      versions: list(obj({ version: str, labels: strMap, workloads: list(str), subset: str }, ['version', 'labels', 'workloads'])),
      subsets: list(obj({ name: str, labels: strMap })),
      unsupported: list(str, 'Why the form cannot represent the live objects; empty when it can. PUT refuses otherwise.'),
    },
    ['namespace', 'service', 'host', 'routes', 'rules', 'versions', 'unsupported'],
  ),
  TrafficEdit: obj(
    {
      ...settings,
      resourceVersion: { type: 'string', description: 'Of the VirtualService as read; required when one exists.' },
      destinationRuleVersion: { type: 'string', description: 'Of the DestinationRule as read; required when one exists.' },
    },
    ['routes', 'rules'],
  ),
  ObjectChange: obj({
    kind: KIND,
    name: str,
    action: { type: 'string', enum: ['create', 'update', 'delete', 'unchanged'] },
    diff: list(obj({ lines: list(obj({ op: { type: 'string', enum: ['keep', 'remove', 'add'] }, text: str, oldLine: int, newLine: int }, ['op', 'text'])) })),
  }),
  ChangeRecord: obj(
    {
      id: CHANGE_ID,
      at: { type: 'string', description: 'RFC 3339.' },
      user: str,
      namespace: str,
      service: str,
      summary: str,
      objects: list(obj({ kind: KIND, name: str, before: { type: ['string', 'null'] }, after: { type: ['string', 'null'] } }), 'Each object as YAML; null: it did not exist.'),
      reverts: { type: 'string', description: 'The change this one reverted.' },
    },
    ['id', 'at', 'user', 'namespace', 'service', 'summary', 'objects'],
  ),
  TrafficApplyResult: obj(
    {
      dryRun: bool,
      changes: list(ref('ObjectChange')),
      findings: list(ref('Finding'), 'Meshscope’s validations of the objects as stored (or as they would be).'),
      model: ref('TrafficModel'),
      record: ref('ChangeRecord'),
      warning: { type: 'string', description: 'The change was written but not recorded in the history.' },
    },
    ['dryRun', 'changes', 'findings', 'model'],
  ),
};

const dryRun = queryParam('dryRun', { type: 'string', enum: ['true', 'false'] }, 'Run every check of the API server without storing anything.');
const servicePath: Parameter[] = [pathParam('namespace', DNS_LABEL, 'Namespace of the service.'), pathParam('name', DNS_LABEL, 'Name of the service.')];
const changePath = pathParam('id', CHANGE_ID, 'The change id.');

/** The traffic-management and change-history routes. */
export const trafficPaths: Record<string, PathItem> = {
  '/api/namespaces/{namespace}/services/{name}/traffic': {
    get: {
      operationId: 'getTraffic',
      tags: ['istio'],
      summary: 'The service’s routing, fault injection, timeouts, retries and circuit breaker as the form edits them',
      parameters: servicePath,
      responses: { '200': json('The model.', ref('TrafficModel')), ...upstreamErrors('404') },
    },
    put: {
      operationId: 'applyTraffic',
      tags: ['istio'],
      summary: 'Applies the settings (or only checks them with dryRun); the answer carries each object’s diff and the recorded change',
      parameters: [...servicePath, dryRun],
      requestBody: { required: true, content: { 'application/json': { schema: ref('TrafficEdit') } } },
      responses: {
        '200': json('What was (or would be) stored.', ref('TrafficApplyResult')),
        ...upstreamErrors('403', '404', '409', '422'),
      },
    },
  },
  '/api/changes': {
    get: {
      operationId: 'listChanges',
      tags: ['istio'],
      summary: 'Recorded traffic changes, newest first',
      parameters: [queryParam('namespace', DNS_LABEL, 'Only changes to services of this namespace.'), queryParam('service', DNS_LABEL, 'Only changes to services of this name.')],
      responses: { '200': json('The changes.', list(ref('ChangeRecord'))), ...upstreamErrors('403') },
    },
  },
  '/api/changes/{id}': {
    get: {
      operationId: 'getChange',
      tags: ['istio'],
      summary: 'One recorded change with each object before and after',
      parameters: [changePath],
      responses: { '200': json('The change.', ref('ChangeRecord')), ...upstreamErrors('403', '404') },
    },
  },
  '/api/changes/{id}/revert': {
    post: {
      operationId: 'revertChange',
      tags: ['istio'],
      summary: 'Puts the objects back as the change found them (or only checks that with dryRun), and records the revert',
      parameters: [changePath, dryRun],
      responses: {
        '200': json('What was (or would be) stored.', ref('TrafficApplyResult')),
        ...upstreamErrors('403', '404', '409', '422'),
      },
    },
  },
};
