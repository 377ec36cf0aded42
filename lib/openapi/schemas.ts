// Schemas several domains share: the error body, health, references to Istio objects and chart series.

import { ISTIO_KINDS } from '../mesh/istio/parse';
import { int, list, map, nullable, num, obj, ref, str } from './builders';
import type { Schema } from './types';

const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid',
  'not_configured',
  'upstream_unavailable',
  'upstream_timeout',
  'internal',
] as const;

/** Component schemas used across the API. */
export const sharedSchemas: Record<string, Schema> = {
  Error: obj(
    {
      error: obj(
        {
          code: { type: 'string', enum: ERROR_CODES },
          message: { type: 'string', description: 'For a 400, starts with the name of the bad field.' },
          details: { description: '`{field}` for a 400, `{upstream}` for a 502/504.' },
        },
        ['code', 'message'],
      ),
    },
    ['error'],
    'Every error of the API.',
  ),
  Health: { type: 'string', enum: ['healthy', 'degraded', 'failure', 'na'], description: '`na` when there is no traffic to judge by.' },
  IstioKind: { type: 'string', enum: ISTIO_KINDS },
  IstioRef: obj({ kind: ref('IstioKind'), namespace: str, name: str }),
  NamespacedName: obj({ namespace: str, name: str }),
  HealthReport: obj({
    health: ref('Health'),
    inRps: num,
    inErrorRate: nullable(num),
    reasons: list(str, 'Plain-language reasons for anything but healthy.'),
  }),
  LatencyQuantiles: obj({ p50: num, p95: num, p99: num }, undefined, 'Milliseconds.'),
  Point: {
    type: 'array',
    description: 'Unix seconds and the value, or null where there was no sample.',
    prefixItems: [num, nullable(num)],
    minItems: 2,
    maxItems: 2,
  },
  Series: obj({ name: str, labels: map(str), points: list(ref('Point')) }),
  HealthCounts: obj({ healthy: int, degraded: int, failure: int, na: int }),
  Labels: map(str),
};
