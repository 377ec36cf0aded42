// The route destinations, weighted routes and gateway names of a VirtualService, each with its path. Pure.
//
// Entries of the wrong shape are skipped here; schema.ts reports them.

import type { IstioResource } from '../types';
import { list, record, str } from '../read';

export const ROUTE_KINDS = ['http', 'tcp', 'tls'] as const;

/** One place a VirtualService sends traffic to: a weighted route destination or an HTTP mirror. */
export interface DestinationAt {
  /** Path of the `destination` (or `mirror`) object. */
  path: string;
  host: string;
  subset?: string;
  port?: number;
  mirror: boolean;
}

/** One route's weights, in the order of its destinations (undefined where none is written). */
export interface WeightsAt {
  path: string;
  weights: (number | undefined)[];
}

function destinationAt(v: unknown, path: string, mirror: boolean): DestinationAt | undefined {
  const d = record(v);
  const host = str(d?.host);
  if (!d || host === undefined) return undefined;
  const subset = str(d.subset);
  const port = record(d.port)?.number;
  return { path, host, mirror, ...(subset !== undefined ? { subset } : {}), ...(typeof port === 'number' ? { port } : {}) };
}

function routes(vs: IstioResource): { path: string; route: Record<string, unknown> }[] {
  return ROUTE_KINDS.flatMap((kind) =>
    list(vs.spec[kind]).flatMap((r, i) => {
      const route = record(r);
      return route ? [{ path: `spec.${kind}[${i}]`, route }] : [];
    }),
  );
}

/** Every destination and mirror of a VirtualService. */
export function destinationsOf(vs: IstioResource): DestinationAt[] {
  return routes(vs).flatMap(({ path, route }) => [
    ...list(route.route).flatMap((w, j) => destinationAt(record(w)?.destination, `${path}.route[${j}].destination`, false) ?? []),
    ...[destinationAt(route.mirror, `${path}.mirror`, true)].flatMap((d) => d ?? []),
    ...list(route.mirrors).flatMap((m, j) => destinationAt(record(m)?.destination, `${path}.mirrors[${j}].destination`, true) ?? []),
  ]);
}

/** The weights of every route of a VirtualService. */
export function weightsOf(vs: IstioResource): WeightsAt[] {
  return routes(vs).map(({ path, route }) => ({
    path: `${path}.route`,
    weights: list(route.route).map((w) => {
      const weight = record(w)?.weight;
      return typeof weight === 'number' ? weight : undefined;
    }),
  }));
}

/** The gateway names a VirtualService binds to (top level) or matches on (per route), with their paths. */
export function gatewayNamesOf(vs: IstioResource): { path: string; name: string }[] {
  const top = list(vs.spec.gateways).flatMap((g, i) => (typeof g === 'string' ? [{ path: `spec.gateways[${i}]`, name: g }] : []));
  const inMatches = routes(vs).flatMap(({ path, route }) =>
    list(route.match).flatMap((m, j) =>
      list(record(m)?.gateways).flatMap((g, k) => (typeof g === 'string' ? [{ path: `${path}.match[${j}].gateways[${k}]`, name: g }] : [])),
    ),
  );
  return [...top, ...inMatches];
}
