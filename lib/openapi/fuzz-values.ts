// fast-check generators of requests for one operation, driven by its parameter schemas: values the parser should
// accept (from enums, patterns and names that exist in the lab) mixed with hostile ones. Test-only; no I/O.

import fc from 'fast-check';
import type { Operation, Parameter, Schema } from './types';

/** Names that exist in the lab (or were read from it first), by parameter name. */
export type KnownValues = Record<string, readonly string[]>;

/** One generated request: path values, query pairs (`raw` pairs are put in the URL unencoded) and whether every value came from the valid side. */
export interface FuzzRequest {
  path: Record<string, string>;
  query: { name: string; value: string; raw: boolean }[];
  valid: boolean;
}

/** Values any field may be sent: empty, long, unicode, PromQL and path injection, bad numbers and JSON. */
export const HOSTILE: readonly string[] = [
  '',
  ' ',
  'a'.repeat(5000),
  'B'.repeat(64),
  '日本語',
  '😀\u200b',
  'x"} or vector(1)',
  'x\\"}',
  '../',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '-1',
  '-99999999999',
  '0',
  '1e308',
  '99999999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '1.5',
  '{}',
  '{"a":',
  '{"":1}',
  '[]',
  ',,,',
  'a=',
  '=b',
  '<script>alert(1)</script>',
  'VirtualService ',
  'TRUE',
  '5 m',
  '.5h',
  '999999d',
];

/** Pieces put into the URL without encoding, to reach the parsers through Request's own URL decoding. */
const RAW: readonly string[] = ['%00', '%', '%E0%A4%A', '%2F..%2F', 'a%20b', '%ZZ', '%C0%AE%C0%AE'];

function first(schema: Schema): Schema {
  return schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;
}

/** Values of `schema` the parser should accept, with lab names first when the parameter has some. */
export function validValue(param: Parameter, known: KnownValues): fc.Arbitrary<string> {
  const schema = first(param.schema);
  const names = known[param.name] ?? [];
  const fromSchema = schemaValue(schema, names);
  return names.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 3 }, { arbitrary: fromSchema, weight: 1 }) : fromSchema;
}

function schemaValue(schema: Schema, names: readonly string[]): fc.Arbitrary<string> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === 'boolean') return fc.constantFrom('true', 'false');
  if (schema.type === 'integer') {
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? Math.floor(Date.now() / 1000);
    return fc.integer({ min, max }).map(String);
  }
  if (schema.type === 'array' && schema.items) {
    const item = first(schema.items);
    const items = item.enum ? item.enum.map(String) : names.length > 0 ? [...names] : undefined;
    if (items) return fc.subarray(items, { minLength: schema.minItems ?? 0 }).map((xs) => xs.join(','));
    return schemaValue(item, names);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern, 'u'), { maxLength: schema.maxLength ?? 64 });
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 64, 64) });
}

/** Wrong values for a parameter: hostile strings, near-misses of its enum and raw URL pieces. */
export function hostileValue(param: Parameter): fc.Arbitrary<{ value: string; raw: boolean }> {
  const schema = first(param.schema);
  const enumMisses = (schema.enum ?? (schema.items ? first(schema.items).enum : undefined) ?? []).flatMap((v) => [String(v).toUpperCase(), `${String(v)}x`]);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE, ...enumMisses).map((value) => ({ value, raw: false })), weight: 4 },
    { arbitrary: fc.constantFrom(...RAW).map((value) => ({ value, raw: true })), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((value) => ({ value, raw: false })), weight: 1 },
  );
}

type Picked = { value: string; raw: boolean; valid: boolean };

function picked(param: Parameter, known: KnownValues): fc.Arbitrary<Picked> {
  return fc.oneof(
    { arbitrary: validValue(param, known).map((value) => ({ value, raw: false, valid: true })), weight: 3 },
    { arbitrary: hostileValue(param).map((h) => ({ ...h, valid: false })), weight: 1 },
  );
}

/** Requests for an operation: path parameters always present, query parameters each maybe absent. */
export function requestArbitrary(op: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const path = fc.tuple(...pathParams.map((p) => picked(p, known)));
  const query = fc.tuple(
    ...queryParams.map((p) => {
      // A required parameter is present more often than not, so most requests get past it.
      const freq = p.required ? 8 : 2;
      return fc.option(picked(p, known), { freq, nil: undefined });
    }),
  );
  const junk = fc.option(fc.constantFrom('unknownParam', 'namespaces[]', '__proto__', 'constructor'), { freq: 4, nil: undefined });
  return fc.tuple(path, query, junk).map(([pv, qv, extra]) => {
    const query = qv.flatMap((v, i) => (v === undefined ? [] : [{ name: queryParams[i]?.name ?? '', value: v.value, raw: v.raw, valid: v.valid }]));
    const missingRequired = queryParams.some((p, i) => p.required && qv[i] === undefined);
    return {
      path: Object.fromEntries(pathParams.map((p, i) => [p.name, pv[i]?.value ?? ''])),
      query: [...query.map(({ name, value, raw }) => ({ name, value, raw })), ...(extra ? [{ name: extra, value: 'x', raw: false }] : [])],
      valid: !missingRequired && pv.every((v) => v.valid) && query.every((q) => q.valid),
    };
  });
}

/** The URL of a request: path values percent-encoded as a browser would, query pairs encoded unless raw. */
export function requestUrl(template: string, req: FuzzRequest, origin = 'http://console.test'): string {
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(req.path[name] ?? ''));
  const query = req.query.map(({ name, value, raw }) => `${encodeURIComponent(name)}=${raw ? value : encodeURIComponent(value)}`).join('&');
  return `${origin}${path}${query ? `?${query}` : ''}`;
}
