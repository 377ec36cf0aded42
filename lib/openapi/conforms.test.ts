import { describe, expect, it } from 'vitest';
import { obj, ref } from './builders';
import { conformanceProblems } from './conforms';
import type { Schema } from './types';

const schemas: Record<string, Schema> = {
  Point: { type: 'array', prefixItems: [{ type: 'number' }, { anyOf: [{ type: 'number' }, { type: 'null' }] }], minItems: 2, maxItems: 2 },
  Thing: obj({ id: { type: 'string', pattern: '^[a-z]+$' }, n: { type: 'integer', minimum: 0 }, kind: { enum: ['a', 'b'] } }, ['id', 'n']),
};

describe('conformanceProblems', () => {
  it.each<[string, unknown, Schema, string[]]>([
    ['a matching object', { id: 'abc', n: 1, extra: true }, ref('Thing'), []],
    ['a missing required field', { id: 'abc' }, ref('Thing'), ['$: missing n']],
    ['a wrong type deep inside', { id: 'abc', n: 1.5 }, ref('Thing'), ['$.n: expected integer, got number']],
    ['a value outside the enum', { id: 'a', n: 0, kind: 'c' }, ref('Thing'), ['$.kind: "c" is not one of a, b']],
    ['a string against a pattern', { id: 'A', n: 0 }, ref('Thing'), ['$.id: "A" does not match ^[a-z]+$']],
    ['a below-minimum number', { id: 'a', n: -1 }, ref('Thing'), ['$.n: -1 < 0']],
    ['a tuple with a null value', [1, null], ref('Point'), []],
    ['a short tuple', [1], ref('Point'), ['$: fewer than 2 items']],
    ['an integer where a number is wanted', 3, { type: 'number' }, []],
    ['a const', 'ok', { const: 'ok' }, []],
    ['a wrong const', 'no', { const: 'ok' }, ['$: expected "ok"']],
    ['a map of numbers', { a: 1, b: 'x' }, { type: 'object', additionalProperties: { type: 'number' } }, ['$.b: expected number, got string']],
  ])('%s', (_name, value, schema, expected) => {
    expect(conformanceProblems(value, schema, schemas)).toEqual(expected);
  });

  it('reports a value that matches none of the alternatives, and throws on a dangling $ref', () => {
    expect(conformanceProblems(true, { anyOf: [{ type: 'string' }, { type: 'null' }] }, schemas)).toHaveLength(1);
    expect(() => conformanceProblems(1, ref('Nothing'), schemas)).toThrow('unresolved $ref');
  });
});
