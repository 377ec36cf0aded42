// A small JSON Schema checker for the subset the document uses, so tests can hold real responses against the
// description without a validator dependency. It reports every mismatch with the JSON path where it happened.

import type { Schema, SchemaType } from './types';

const REF_PREFIX = '#/components/schemas/';

/** The schema a `$ref` names; throws when it names nothing, since a dangling ref is a defect of the document. */
export function resolveRef(ref: string, schemas: Record<string, Schema>): Schema {
  const target = ref.startsWith(REF_PREFIX) ? schemas[ref.slice(REF_PREFIX.length)] : undefined;
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

function typeOf(value: unknown): SchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as SchemaType;
}

function typeMatches(value: unknown, wanted: SchemaType): boolean {
  const actual = typeOf(value);
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

/** Every way `value` breaks `schema`, as `path: problem`; empty when it conforms. */
export function conformanceProblems(value: unknown, schema: Schema, schemas: Record<string, Schema>, path = '$'): string[] {
  if (schema.$ref) return conformanceProblems(value, resolveRef(schema.$ref, schemas), schemas, path);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const results = alternatives.map((s) => conformanceProblems(value, s, schemas, path));
    if (results.some((r) => r.length === 0)) return [];
    return [`${path}: matches none of ${alternatives.length} alternatives (${results.map((r) => r[0]).join('; ')})`];
  }
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) return [`${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (schema.const !== undefined && value !== schema.const) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value as string)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: ${value} < ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: ${value} > ${schema.maximum}`);
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push(`${path}: ${JSON.stringify(value.slice(0, 40))} does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const itemSchema = schema.prefixItems?.[i] ?? schema.items;
      if (itemSchema) problems.push(...conformanceProblems(item, itemSchema, schemas, `${path}[${i}]`));
    });
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${path}: more than ${schema.maxItems} items`);
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(record)) {
      const known = schema.properties?.[key];
      if (known) problems.push(...conformanceProblems(v, known, schemas, `${path}.${key}`));
      else if (typeof schema.additionalProperties === 'object') problems.push(...conformanceProblems(v, schema.additionalProperties, schemas, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unexpected ${key}`);
    }
  }
  return problems;
}
