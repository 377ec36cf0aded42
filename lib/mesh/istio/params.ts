// Validates the Istio-config and mTLS routes' paths and query strings; a bad value throws a BadRequestError naming
// the field.

import { BadRequestError } from '../../errors';
import { ISTIO_RESOURCES } from '../inventory/istio-parse';
import { isValidName, parseHealthDuration, parseNamespaceList } from '../inventory/params';
import { isDns1123Label } from '../names';
import { ISTIO_KINDS, isIstioKind } from './parse';
import type { IstioKind } from './types';

/** `GET /api/istio`: namespaces (none = all) and an optional kind. */
export interface IstioListParams {
  namespaces: string[];
  kind?: IstioKind;
}

/** `GET /api/istio/{ns}/{kind}/{name}`. */
export interface IstioObjectParams {
  namespace: string;
  kind: IstioKind;
  name: string;
}

/** `GET /api/mtls`: namespaces (none = all) and seconds of telemetry. */
export interface MtlsParams {
  namespaces: string[];
  duration: number;
}

const quoted = (v: string) => `"${v.slice(0, 70)}"`;

/** A kind as its name (`VirtualService`) or resource plural (`virtualservices`). */
function kindOf(value: string): IstioKind {
  if (isIstioKind(value)) return value;
  const byPlural = ISTIO_KINDS.find((k) => ISTIO_RESOURCES[k].plural === value.toLowerCase());
  if (byPlural) return byPlural;
  throw new BadRequestError('kind', `${quoted(value)} is not one of ${ISTIO_KINDS.join(', ')}`);
}

/** Validates a list request: `namespace=a,b` (DESIGN §4 spells it singular; `namespaces` is taken too) and `kind`. */
export function parseIstioListParams(params: URLSearchParams): IstioListParams {
  const field = params.has('namespace') ? 'namespace' : 'namespaces';
  const namespaces = parseNamespaceList(params, field);
  const kind = params.get('kind');
  return { namespaces, ...(kind ? { kind: kindOf(kind) } : {}) };
}

/** Validates a single-object request's path. */
export function parseIstioObjectParams(path: { namespace: string; kind: string; name: string }): IstioObjectParams {
  if (!isDns1123Label(path.namespace)) throw new BadRequestError('namespace', `${quoted(path.namespace)} is not a valid namespace name (DNS-1123 label)`);
  const kind = kindOf(path.kind);
  // Istio objects are named like workloads: DNS-1123 subdomains.
  if (!isValidName('workloads', path.name)) throw new BadRequestError('name', `${quoted(path.name)} is not a valid object name (DNS-1123 subdomain)`);
  return { namespace: path.namespace, kind, name: path.name };
}

/** Validates an mTLS request: `namespace=a,b` and `duration` (1m to 1d, 5m by default). */
export function parseMtlsParams(params: URLSearchParams): MtlsParams {
  const field = params.has('namespace') ? 'namespace' : 'namespaces';
  return { namespaces: parseNamespaceList(params, field), duration: parseHealthDuration(params) };
}
