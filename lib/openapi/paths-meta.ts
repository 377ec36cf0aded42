// Routes about the console itself: liveness, upstream status, this description, and Prometheus metrics.

import { errors, int, json, list, obj, ref, str } from './builders';
import type { PathItem, Schema } from './types';

/** The meta schemas. */
export const metaSchemas: Record<string, Schema> = {
  UpstreamStatus: obj(
    {
      name: { type: 'string', enum: ['kubernetes', 'prometheus', 'jaeger'] },
      state: { type: 'string', enum: ['connected', 'unreachable', 'not_configured'] },
      version: str,
      latencyMs: int,
      message: str,
    },
    ['name', 'state'],
  ),
};

/** The meta routes. */
export const metaPaths: Record<string, PathItem> = {
  '/api/healthz': {
    get: {
      operationId: 'healthz',
      tags: ['meta'],
      summary: 'Liveness: the server process answers; no upstream is asked',
      responses: { '200': json('Alive.', obj({ status: { const: 'ok' } })) },
    },
  },
  '/api/status': {
    get: {
      operationId: 'getStatus',
      tags: ['meta'],
      summary: 'Each upstream: connected or not, its version and how long it took to answer',
      responses: { '200': json('One entry per upstream; never an error.', obj({ upstreams: list(ref('UpstreamStatus')) })) },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApi',
      tags: ['meta'],
      summary: 'This description of the API (OpenAPI 3.1)',
      responses: { '200': json('The document.', obj({ openapi: str, paths: { type: 'object' } })) },
    },
  },
  '/metrics': {
    get: {
      operationId: 'getMetricsText',
      tags: ['meta'],
      summary: 'The console’s own metrics in the Prometheus text format (not under /api)',
      description: 'Open unless MESHSCOPE_METRICS_TOKEN is set; then it needs `Authorization: Bearer <token>`.',
      responses: {
        '200': { description: 'Prometheus exposition text.', content: { 'text/plain': { schema: str } } },
        ...errors('401', '503'),
      },
    },
  },
};

/** Tags shown by viewers such as Swagger UI, in order. */
export const TAGS: { name: string; description: string }[] = [
  { name: 'graph', description: 'The traffic topology.' },
  { name: 'metrics', description: 'Golden-signal charts.' },
  { name: 'inventory', description: 'Namespaces, apps, workloads and services.' },
  { name: 'traces', description: 'The trace store.' },
  { name: 'istio', description: 'Istio config, validations and mTLS.' },
  { name: 'auth', description: 'Sessions and RBAC.' },
  { name: 'meta', description: 'The console itself.' },
];
