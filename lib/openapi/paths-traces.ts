// Trace search, one trace and the trace store's names, as lib/mesh/traces/search-params.ts accepts them and
// lib/mesh/traces/types.ts shapes them.

import { DEFAULT_LIMIT, MAX_LIMIT } from '../mesh/traces/search-params';
import { bool, errors, int, json, list, map, obj, pathParam, queryParam, ref, str, upstreamErrors } from './builders';
import type { PathItem, Schema } from './types';

const MAX_TEXT = 1024;
const TEXT: Schema = { type: 'string', minLength: 1, maxLength: MAX_TEXT };
const GO_DURATION = '^(?:0|(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$';
const LOOKBACK = '^(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h|d))+$';
const MICROS: Schema = { type: 'string', pattern: '^\\d+$', maxLength: 16, description: 'Unix microseconds.' };
const ATTRIBUTES: Schema = map({ type: ['string', 'number', 'boolean'] });

/** The trace schemas. */
export const traceSchemas: Record<string, Schema> = {
  Attributes: ATTRIBUTES,
  Span: obj(
    {
      spanId: str,
      parentSpanId: str,
      traceId: str,
      service: str,
      operation: str,
      startUs: { type: 'integer', description: 'Unix microseconds.' },
      durationUs: int,
      kind: { type: 'string', enum: ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] },
      attributes: ref('Attributes'),
      resourceAttributes: ref('Attributes'),
      scope: obj({ name: str, version: str, attributes: ref('Attributes') }, ['name', 'attributes']),
      events: list(obj({ timeUs: int, name: str, attributes: ref('Attributes') })),
      links: list(obj({ traceId: str, spanId: str, attributes: ref('Attributes') })),
      status: obj({ code: { type: 'string', enum: ['unset', 'ok', 'error'] }, message: str }, ['code']),
      error: bool,
    },
    ['spanId', 'traceId', 'service', 'operation', 'startUs', 'durationUs', 'kind', 'attributes', 'resourceAttributes', 'events', 'links', 'status', 'error'],
  ),
  TraceDetails: obj({
    traceId: str,
    spans: list(ref('Span')),
    criticalPath: list(obj({ spanId: str, startUs: int, endUs: int })),
  }),
  TraceSummary: obj({
    traceId: str,
    rootService: str,
    rootOperation: str,
    startUs: int,
    durationUs: int,
    spanCount: int,
    serviceCount: int,
    errorCount: int,
    services: list(obj({ name: str, spanCount: int, errorCount: int })),
  }),
  TraceSearchResult: obj({
    traces: list(ref('TraceSummary')),
    query: obj({ startUs: int, endUs: int, limit: int }),
  }),
};

const duration = (name: string, what: string) =>
  queryParam(name, { type: 'string', pattern: GO_DURATION, maxLength: MAX_TEXT, examples: ['100ms', '1.5s'] }, `${what} span duration (Go syntax).`);

/** The trace routes. */
export const tracePaths: Record<string, PathItem> = {
  '/api/traces': {
    get: {
      operationId: 'searchTraces',
      tags: ['traces'],
      summary: 'Trace summaries matching a search, newest first',
      parameters: [
        queryParam('service', TEXT, 'Service to search, as the trace store names it (e.g. `productpage.bookinfo`).', true),
        queryParam('operation', TEXT, 'Only traces with a span of this operation.'),
        {
          name: 'tags',
          in: 'query',
          style: 'form',
          explode: true,
          schema: list({ type: 'string', maxLength: MAX_TEXT }),
          description: '`key=value`, repeated or comma-separated, or a JSON object `{"k":"v"}`; one span must carry all of them.',
        },
        queryParam('start', MICROS, 'Start of the window; not together with `lookback`.'),
        queryParam('end', MICROS, 'End of the window; now when absent. Not before start.'),
        queryParam('lookback', { type: 'string', pattern: LOOKBACK, maxLength: MAX_TEXT, default: '1h' }, 'Window before `end` (`15m`, `1h`, `2d`).'),
        duration('minDuration', 'Shortest'),
        duration('maxDuration', 'Longest'),
        queryParam('limit', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, 'Most traces to return.'),
      ],
      responses: { '200': json('The summaries and the effective query.', ref('TraceSearchResult')), ...upstreamErrors() },
    },
  },
  '/api/traces/{traceId}': {
    get: {
      operationId: 'getTrace',
      tags: ['traces'],
      summary: 'One normalized trace with its critical path',
      parameters: [pathParam('traceId', { type: 'string', pattern: '^(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{32})$' }, '16 or 32 hex digits.')],
      responses: { '200': json('The trace.', ref('TraceDetails')), ...upstreamErrors('404') },
    },
  },
  '/api/traces/services': {
    get: {
      operationId: 'listTraceServices',
      tags: ['traces'],
      summary: 'Service names known to the trace store, sorted',
      responses: { '200': json('The names.', obj({ services: list(str) })), ...errors('502', '504') },
    },
  },
  '/api/traces/services/{service}/operations': {
    get: {
      operationId: 'listTraceOperations',
      tags: ['traces'],
      summary: 'Operation names of one service in the trace store',
      parameters: [pathParam('service', TEXT, 'The service, as the trace store names it.')],
      responses: {
        '200': json('The operations.', obj({ service: str, operations: list(obj({ name: str, spanKind: str })) })),
        ...upstreamErrors(),
      },
    },
  },
};
