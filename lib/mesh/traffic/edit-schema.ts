// The shape of a traffic edit as a request body carries it (zod). Pure.
//
// Numbers are only checked to be numbers here: validate-edit.ts says what is wrong with a value in words a form can
// show next to the field (`must be a whole number`), which zod's generic messages would not.

import { z } from 'zod';

const text = z.string().max(1024);
const name = z.string().max(256);

const weighted = z.object({ subset: name, weight: z.number() });

const stringMatch = z.enum(['exact', 'prefix', 'regex']);

const condition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('header'), name, match: stringMatch, value: text }),
  z.object({ kind: z.literal('uri'), match: stringMatch, value: text }),
]);

/** A TrafficEdit's shape; unknown fields (the rest of a model sent back) are dropped. */
export const trafficEditSchema = z.object({
  routes: z.array(weighted).max(64),
  rules: z.array(z.object({ name: name.optional(), match: z.array(condition).max(32), route: z.array(weighted).max(64) })).max(64),
  fault: z
    .object({
      delay: z.object({ percent: z.number(), fixedDelay: z.string().max(64) }).optional(),
      abort: z.object({ percent: z.number(), httpStatus: z.number() }).optional(),
    })
    .optional(),
  timeout: z.string().max(64).optional(),
  retries: z.object({ attempts: z.number(), perTryTimeout: z.string().max(64).optional(), retryOn: z.string().max(512).optional() }).optional(),
  circuitBreaker: z
    .object({
      maxConnections: z.number().optional(),
      http1MaxPendingRequests: z.number().optional(),
      maxRequestsPerConnection: z.number().optional(),
      consecutive5xxErrors: z.number().optional(),
      interval: z.string().max(64).optional(),
      baseEjectionTime: z.string().max(64).optional(),
      maxEjectionPercent: z.number().optional(),
    })
    .optional(),
  resourceVersion: z.string().max(256).optional(),
  destinationRuleVersion: z.string().max(256).optional(),
});

/** `routes[1].weight` for zod's path `['routes', 1, 'weight']`. */
export function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((f, k) => (typeof k === 'number' ? `${f}[${k}]` : f === '' ? String(k) : `${f}.${String(k)}`), '');
}
