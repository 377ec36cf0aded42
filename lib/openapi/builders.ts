// Small constructors shared by the per-domain parts of the OpenAPI document, so every operation spells its
// parameters, errors and JSON bodies the same way.

import type { Parameter, Response, Schema } from './types';

/** A reference to a schema in `components.schemas`. */
export function ref(name: string): Schema {
  return { $ref: `#/components/schemas/${name}` };
}

/** An object schema; more properties than listed are allowed, since DESIGN §4 says more fields are fine. */
export function obj(properties: Record<string, Schema>, required: readonly string[] = Object.keys(properties), description?: string): Schema {
  return { type: 'object', ...(description ? { description } : {}), properties, required, additionalProperties: true };
}

/** An array of `items`. */
export function list(items: Schema, description?: string): Schema {
  return { type: 'array', items, ...(description ? { description } : {}) };
}

/** A map from strings to `values`. */
export function map(values: Schema, description?: string): Schema {
  return { type: 'object', additionalProperties: values, ...(description ? { description } : {}) };
}

/** `schema` or null. */
export function nullable(schema: Schema): Schema {
  return { anyOf: [schema, { type: 'null' }] };
}

export const str: Schema = { type: 'string' };
export const num: Schema = { type: 'number' };
export const int: Schema = { type: 'integer' };
export const bool: Schema = { type: 'boolean' };
export const share: Schema = { type: 'number', minimum: 0, maximum: 1, description: 'A share from 0 to 1.' };
export const strMap: Schema = map(str);

// Kubernetes' own syntax rules, as lib/mesh/names.ts and lib/mesh/inventory/params.ts check them.
export const DNS_LABEL: Schema = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 };
export const DNS_SUBDOMAIN: Schema = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 };
export const LABEL_VALUE: Schema = { type: 'string', pattern: '^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$', maxLength: 63 };

/** Seconds as digits, or digits with a unit (`300`, `5m`, `1h`, `1d`); the range is in the description. */
export function durationSchema(fallback: string, range: string): Schema {
  return { type: 'string', pattern: '^\\d{1,6}[smhd]?$', default: fallback, description: `From ${range}.`, examples: ['5m', '1h', '300'] };
}

/** A path parameter; always required in OpenAPI. */
export function pathParam(name: string, schema: Schema, description: string): Parameter {
  return { name, in: 'path', required: true, schema, description };
}

/** A query parameter. */
export function queryParam(name: string, schema: Schema, description: string, required = false): Parameter {
  return { name, in: 'query', required, schema, description };
}

/** A comma-separated query list (`namespaces=a,b`). */
export function csvParam(name: string, items: Schema, description: string, options: { required?: boolean; maxItems?: number } = {}): Parameter {
  return {
    name,
    in: 'query',
    required: options.required ?? false,
    style: 'form',
    explode: false,
    schema: { type: 'array', items, ...(options.required ? { minItems: 1 } : {}), ...(options.maxItems ? { maxItems: options.maxItems } : {}) },
    description,
  };
}

/** A JSON response body. */
export function json(description: string, schema: Schema): Response {
  return { description, content: { 'application/json': { schema } } };
}

const ERROR_TEXT: Record<string, string> = {
  '400': 'A parameter or body field is invalid; the message and `details.field` name it.',
  '401': 'No valid session or token.',
  '403': 'The user may not do this (Kubernetes RBAC said no).',
  '404': 'The namespace, object or trace does not exist.',
  '409': 'Conflict: the resource changed since it was read.',
  '422': 'The resource would be invalid.',
  '503': 'A setting the route needs is missing or broken; the message names it.',
  '502': 'An upstream (Kubernetes, Prometheus or Jaeger) could not be reached or answered with an error.',
  '504': 'An upstream took too long to answer.',
};

/** The shared error responses of an operation, each with the `{error:{code,message,details?}}` body. */
export function errors(...statuses: (keyof typeof ERROR_TEXT)[]): Record<string, Response> {
  return Object.fromEntries(statuses.map((s) => [s, json(ERROR_TEXT[s] ?? 'Error.', ref('Error'))]));
}

/** The error responses of a route that reads upstreams: 400, 502 and 504, plus any extra. */
export function upstreamErrors(...extra: (keyof typeof ERROR_TEXT)[]): Record<string, Response> {
  return errors('400', ...extra, '502', '504');
}
