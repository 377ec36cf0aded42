// Validates the inventory routes' paths and query strings; a bad value throws a BadRequestError naming the field.

import { BadRequestError } from '../../errors';
import { MAX_DURATION, MIN_DURATION, parseDurationSeconds } from '../graph/params';
import { MAX_METRICS_DURATION, MIN_METRICS_DURATION } from '../metrics/params';
import { MAX_POINTS, pointCount } from '../metrics/step';
import { isDns1123Label } from '../names';
import type { InventoryKind } from './types';

/** The `{kind}` path segments the inventory routes take. */
export const INVENTORY_KINDS = ['apps', 'workloads', 'services'] as const satisfies readonly InventoryKind[];

/** A validated list or detail request. */
export interface InventoryParams {
  namespace: string;
  kind: InventoryKind;
  /** Present for a detail request. */
  name?: string;
  /** Seconds of traffic the health looks at. */
  duration: number;
}

/** A validated overview request; `namespaces` absent means every namespace. */
export interface OverviewParams {
  namespaces?: string[];
  duration: number;
}

/** A validated sidecar-resources request. */
export interface ResourcesParams {
  namespace: string;
  name: string;
  /** Seconds of history to chart. */
  duration: number;
  /** Seconds between points; undefined lets the server choose. */
  step?: number;
}

const DEFAULT_DURATION = 300;
const DEFAULT_RESOURCES_DURATION = 600;
const MAX_NAMESPACES = 100;

// Kubernetes' own syntax rules: object names of controllers and pods are DNS-1123 subdomains, label values (an
// app's name) are up to 63 alphanumerics with `-`, `_` and `.` inside.
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Whether a name is valid for an item of that kind. */
export function isValidName(kind: InventoryKind, name: string): boolean {
  switch (kind) {
    case 'services':
      return isDns1123Label(name);
    case 'workloads':
      return name.length <= 253 && DNS_1123_SUBDOMAIN.test(name);
    case 'apps':
      return name.length <= 63 && LABEL_VALUE.test(name);
  }
}

const quoted = (v: string) => `"${v.slice(0, 70)}"`;

function namespaceOf(value: string): string {
  if (!isDns1123Label(value)) throw new BadRequestError('namespace', `${quoted(value)} is not a valid namespace name (DNS-1123 label)`);
  return value;
}

function kindOf(value: string): InventoryKind {
  if (!(INVENTORY_KINDS as readonly string[]).includes(value)) throw new BadRequestError('kind', `must be one of ${INVENTORY_KINDS.join(', ')}`);
  return value as InventoryKind;
}

function nameOf(kind: InventoryKind, value: string): string {
  if (!isValidName(kind, value)) throw new BadRequestError('name', `${quoted(value)} is not a valid ${kind.slice(0, -1)} name`);
  return value;
}

function durationOf(params: URLSearchParams, fallback: number, min: number, max: number, range: string): number {
  const duration = parseDurationSeconds(params.get('duration') || String(fallback));
  if (duration === undefined || duration < min || duration > max) {
    throw new BadRequestError('duration', `must be from ${range}, as seconds (${fallback}) or with a unit (5m, 1h, 1d)`);
  }
  return duration;
}

/** A comma-separated list of namespaces in the query parameter `field`, without duplicates; empty when absent. */
export function parseNamespaceList(params: URLSearchParams, field: string): string[] {
  const namespaces = [...new Set((params.get(field) ?? '').split(',').map((n) => n.trim()).filter(Boolean))];
  if (namespaces.length > MAX_NAMESPACES) throw new BadRequestError(field, `at most ${MAX_NAMESPACES} namespaces`);
  const bad = namespaces.find((n) => !isDns1123Label(n));
  if (bad !== undefined) throw new BadRequestError(field, `${quoted(bad)} is not a valid namespace name (DNS-1123 label)`);
  return namespaces;
}

/** The `duration` parameter of a health or mTLS request: 1m to 1d, 5m when absent. */
export function parseHealthDuration(params: URLSearchParams): number {
  return durationOf(params, DEFAULT_DURATION, MIN_DURATION, MAX_DURATION, '1m to 1d');
}

/** Validates a list (`name` absent) or detail request. */
export function parseInventoryParams(path: { namespace: string; kind: string; name?: string }, params: URLSearchParams): InventoryParams {
  const namespace = namespaceOf(path.namespace);
  const kind = kindOf(path.kind);
  const name = path.name === undefined ? undefined : nameOf(kind, path.name);
  const duration = durationOf(params, DEFAULT_DURATION, MIN_DURATION, MAX_DURATION, '1m to 1d');
  return { namespace, kind, ...(name !== undefined ? { name } : {}), duration };
}

/** Validates an overview request: `namespaces=a,b` (absent or empty: all), `duration`. */
export function parseOverviewParams(params: URLSearchParams): OverviewParams {
  const namespaces = parseNamespaceList(params, 'namespaces');
  const duration = parseHealthDuration(params);
  return { ...(namespaces.length > 0 ? { namespaces } : {}), duration };
}

/** Validates a sidecar-resources request: the same duration and step rules as the golden-signal charts. */
export function parseResourcesParams(path: { namespace: string; name: string }, params: URLSearchParams): ResourcesParams {
  const namespace = namespaceOf(path.namespace);
  const name = nameOf('workloads', path.name);
  const duration = durationOf(params, DEFAULT_RESOURCES_DURATION, MIN_METRICS_DURATION, MAX_METRICS_DURATION, '1m to 7d');
  const raw = params.get('step');
  if (raw === null || raw === '') return { namespace, name, duration };
  const step = parseDurationSeconds(raw);
  if (step === undefined || step < 1) throw new BadRequestError('step', 'must be a whole number of seconds (30) or a duration with a unit (30s, 5m)');
  if (step > duration) throw new BadRequestError('step', 'must not be longer than the duration');
  if (pointCount(duration, step) - 1 > MAX_POINTS) {
    throw new BadRequestError('step', `gives more than ${MAX_POINTS} points over the duration; use at least ${Math.ceil(duration / MAX_POINTS)}s`);
  }
  return { namespace, name, duration, step };
}
