// The document's shape as OpenAPI 3.1 asks for it, checked by hand: refs resolve, path templates and path
// parameters agree, errors share one schema, and every example and default fits its own schema.

import { describe, expect, it } from 'vitest';
import { conformanceProblems, resolveRef } from './conforms';
import { openApiDocument as doc } from './document';
import type { Operation, Schema } from './types';

const schemas = doc.components.schemas;
const operations: [string, string, Operation][] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]): [string, string, Operation] => [path, method, op]),
);

/** Every value under `node` whose key is `key`, with where it was found. */
function collect(node: unknown, key: string, at = '$'): [string, unknown][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => [...(k === key ? [[at, v] as [string, unknown]] : []), ...collect(v, key, `${at}.${k}`)]);
}

/** Every schema object in the document (component schemas, parameter and body schemas), nested ones included. */
function allSchemas(): Schema[] {
  const out: Schema[] = [];
  const visit = (s: Schema) => {
    out.push(s);
    [...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : []), ...(s.prefixItems ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].forEach(visit);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties);
  };
  Object.values(schemas).forEach(visit);
  for (const [, , op] of operations) {
    op.parameters?.forEach((p) => visit(p.schema));
    Object.values(op.requestBody?.content ?? {}).forEach((c) => visit(c.schema));
    Object.values(op.responses).forEach((r) => Object.values(r.content ?? {}).forEach((c) => visit(c.schema)));
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with info, and survives a JSON round trip unchanged', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).not.toBe('');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('resolves every $ref and uses every component schema', () => {
    const refs = collect(doc, '$ref').map(([, v]) => v as string);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) expect(() => resolveRef(r, schemas)).not.toThrow();
    const used = new Set(refs.map((r) => r.split('/').pop()));
    expect(Object.keys(schemas).filter((name) => !used.has(name))).toEqual([]);
  });

  it.each(operations)('%s %s declares exactly its path parameters, all required', (path, _method, op) => {
    const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
    const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
    expect(declared.map((p) => p.name).sort()).toEqual(inTemplate);
    expect(declared.every((p) => p.required === true)).toBe(true);
  });

  it.each(operations)('%s %s has unique parameters, a 2xx response and errors in the shared schema', (_path, _method, op) => {
    const keys = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect((op.parameters ?? []).every((p) => p.description.length > 0)).toBe(true);
    expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
    for (const [status, response] of Object.entries(op.responses)) {
      expect(status).toMatch(/^[1-5]\d\d$/);
      if (Number(status) >= 400) expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });

  it('has unique operation ids and a known tag on each operation', () => {
    const ids = operations.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(doc.tags.map((t) => t.name));
    expect(operations.filter(([, , op]) => !op.tags.every((t) => tags.has(t))).map(([p]) => p)).toEqual([]);
  });

  it('has patterns that compile and defaults and examples that fit their schema', () => {
    const found = allSchemas();
    for (const s of found) if (s.pattern) expect(() => new RegExp(s.pattern ?? '', 'u')).not.toThrow();
    const checked = found.flatMap((s) => [...(s.default !== undefined ? [s.default] : []), ...(s.examples ?? [])].map((v) => [v, s] as const));
    expect(checked.length).toBeGreaterThan(5);
    for (const [value, s] of checked) {
      // A boolean parameter's default is the boolean; other defaults are as they are sent (strings for durations).
      expect(conformanceProblems(value, { ...s, default: undefined, examples: undefined }, schemas)).toEqual([]);
    }
  });
});
