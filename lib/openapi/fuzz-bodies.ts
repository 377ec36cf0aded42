// fast-check generators of request bodies for the mutating routes, driven by the document's body schemas: mostly
// almost-valid JSON (one or two values wrong, a required property missing, unknown ones added), so the routes' deeper
// checks (weights, durations, subsets, statuses, versions) are reached, with raw non-JSON and empty bodies now and
// then; and YAML for the Istio editor, mutated from a real object or plain junk. Test-only; no I/O.

import fc from 'fast-check';
import { stringify } from 'yaml';
import { resolveRef } from './conforms';
import { HOSTILE } from './fuzz-values';
import type { Schema } from './types';

/** Values known to get further than the schema alone (lab subsets, versions, whole routes), by property name. */
export type KnownBodyValues = Record<string, fc.Arbitrary<unknown> | readonly unknown[]>;

/** A number put into the JSON text as written, for values `JSON.stringify` cannot spell (`1e309`, `-0`, 20 digits). */
export class RawNumber {
  constructor(readonly text: string) {}
}

// No generated or hostile string holds this pair of characters.
const RAW_MARK = '\u0000\uffffraw:';

/** A body's JSON text; `RawNumber`s appear as their own digits. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawNumber ? `${RAW_MARK}${v.text}` : v)) ?? '';
  return text.replace(/"\\u0000\uffffraw:([^"\\]*)"/g, '$1');
}

const RAW_NUMBERS = ['1e309', '-1e309', '1e-400', '-0', '123456789012345678901234567890', '9007199254740993', '0.1e1'].map((t) => new RawNumber(t));

/** Wrong JSON values any field may be given: nulls, wrong types, hostile strings and numbers past every bound. */
const ANY_WRONG: readonly unknown[] = [
  null,
  true,
  {},
  [],
  [null],
  { '': 1 },
  '5 s',
  '-1',
  '1e309',
  'NaN',
  '1.5',
  -1,
  -2_147_483_649,
  0.5,
  1e21,
  Number.MAX_SAFE_INTEGER + 2,
  ...RAW_NUMBERS,
  ...HOSTILE,
];

/** Near misses for one type: right type, wrong value, or the value spelled as another type. */
function nearMisses(schema: Schema): readonly unknown[] {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return [-1, 0, 0.5, 99.5, 101, 199, 600, 2 ** 31, -0.0001, '50', '100', new RawNumber('1e309'), new RawNumber('100.0000000000000001')];
    case 'string':
      return ['', ' ', '5 s', '0s', '0.5ms', '1e309s', '-1s', '99999999999h', 'a'.repeat(1025), '日本語', 5, ['5s']];
    case 'boolean':
      return ['true', 1, 0];
    case 'object':
      return [null, [], 'x', 1];
    case 'array':
      return [null, {}, 'x', [[]]];
    default:
      return [];
  }
}

const EXTRA_KEYS = ['unknownField', 'constructor', 'ROUTES', 'weight', 'spec', ''];

function known(names: KnownBodyValues, key: string | undefined): fc.Arbitrary<unknown> | undefined {
  const k = key === undefined ? undefined : names[key];
  if (k === undefined) return undefined;
  if (k instanceof fc.Arbitrary) return k;
  return k.length > 0 ? fc.constantFrom(...k) : undefined;
}

interface Context {
  schemas: Record<string, Schema>;
  known: KnownBodyValues;
}

function objectValue(schema: Schema, ctx: Context, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const entries = props.map(([key, s]) => {
    const value = validValue(s, ctx, depth + 1, key).map((v) => [key, v] as const);
    return required.has(key) ? value : fc.option(value, { freq: 2, nil: undefined });
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined)));
}

function byType(schema: Schema, ctx: Context, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? 100;
  switch (type) {
    case 'integer':
      return fc.integer({ min, max });
    case 'number':
      return fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? validValue(schema.items, ctx, depth + 1, undefined) : fc.string(), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object':
      return objectValue(schema, ctx, depth);
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern, 'u'), { maxLength: schema.maxLength ?? 64 });
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 16, 16) });
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

// Values the schema accepts, the lab's own three times in four where there are some for the property.
function validValue(schema: Schema, ctx: Context, depth: number, key: string | undefined): fc.Arbitrary<unknown> {
  if (schema.$ref) return validValue(resolveRef(schema.$ref, ctx.schemas), ctx, depth, key);
  if (depth > 6) return fc.constant(null);
  const alternatives = schema.anyOf ?? schema.oneOf;
  const fromSchema = alternatives ? fc.oneof(...alternatives.map((s) => validValue(s, ctx, depth, key))) : byType(schema, ctx, depth);
  const fromLab = known(ctx.known, key);
  return fromLab ? fc.oneof({ arbitrary: fromLab, weight: 3 }, { arbitrary: fromSchema, weight: 1 }) : fromSchema;
}

type Path = readonly (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null && !(value instanceof RawNumber)) {
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  }
  return [at];
}

function wrongFor(value: unknown): readonly unknown[] {
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value;
  return [...nearMisses({ type: type as NonNullable<Schema['type']> }), ...ANY_WRONG];
}

/** One change to a valid value: a wrong value, a property dropped, an unknown one added, or a list grown past 64. */
interface Mutation {
  how: 'wrong' | 'drop' | 'extra' | 'grow';
  at: number;
  pick: number;
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  how: fc.constantFrom<Mutation['how']>('wrong', 'wrong', 'wrong', 'drop', 'extra', 'grow'),
  at: fc.nat(),
  pick: fc.nat(),
});

function mutate(value: unknown, m: Mutation): unknown {
  const paths = pathsOf(value);
  const path = paths[m.at % paths.length] ?? [];
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  const copy = structuredCloneJson(value);
  const target = parentPath.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy);
  const current = key === undefined ? copy : (target as Record<string | number, unknown>)[key];
  const choose = <T>(xs: readonly T[]): T => xs[m.pick % xs.length] as T;
  let replacement: unknown = current;
  if (m.how === 'wrong') replacement = choose(wrongFor(current));
  if (m.how === 'grow') replacement = Array.isArray(current) && current.length > 0 ? Array.from({ length: 65 }, () => current[0]) : choose(wrongFor(current));
  if (m.how === 'extra' && typeof current === 'object' && current !== null && !Array.isArray(current)) {
    // defineProperty, so a `constructor` key is an own, enumerable property as JSON.parse makes it.
    Object.defineProperty(current, choose(EXTRA_KEYS), { value: choose(ANY_WRONG), enumerable: true, writable: true, configurable: true });
  }
  if (key === undefined) return m.how === 'drop' ? undefined : replacement;
  const parent = target as Record<string | number, unknown>;
  if (m.how === 'drop' && Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (m.how === 'drop') delete parent[key];
  else parent[key] = replacement;
  return copy;
}

// RawNumbers survive the copy; everything else is plain JSON data.
function structuredCloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneJson);
  if (typeof value === 'object' && value !== null && !(value instanceof RawNumber)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneJson(v)]));
  }
  return value;
}

/** JSON values for `schema`: valid ones (with the lab's values where known), four in ten changed once and two in ten twice. */
export function jsonValueArbitrary(schema: Schema, schemas: Record<string, Schema>, knownValues: KnownBodyValues = {}): fc.Arbitrary<unknown> {
  const valid = validValue(schema, { schemas, known: knownValues }, 0, undefined);
  const mutations = fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: fc.array(mutationArbitrary, { minLength: 1, maxLength: 1 }), weight: 4 }, { arbitrary: fc.array(mutationArbitrary, { minLength: 2, maxLength: 2 }), weight: 2 });
  return fc.tuple(valid, mutations).map(([value, ms]) => ms.reduce<unknown>((v, m) => mutate(v, m), value));
}

/** Bodies that are not JSON at all, or not the JSON any route reads. */
export const JUNK_BODIES: readonly string[] = [
  '',
  ' ',
  'null',
  '[]',
  '"routes"',
  '{',
  '{"routes":[{"subset":"v1","weight":100}]',
  "{'routes': []}",
  '{"routes": [], "rules": [],}',
  'routes=[]&rules=[]',
  '\uFEFF{"routes":[],"rules":[]}',
  '{"yaml":',
  '{"token":"a"}{"token":"b"}',
  '[{"yaml":"x"}]',
  '\u0000',
  '{"a":'.repeat(2000),
  '1e309',
];

/** One generated body: its text, and whether it is JSON of a generated value or one of the junk bodies. */
export interface FuzzBody {
  text: string;
  kind: 'json' | 'junk';
}

/** Request bodies for a JSON body schema: JSON text of almost-valid values, with junk and empty bodies one time in ten. */
export function bodyArbitrary(schema: Schema, schemas: Record<string, Schema>, knownValues: KnownBodyValues = {}): fc.Arbitrary<FuzzBody> {
  return fc.oneof(
    { arbitrary: jsonValueArbitrary(schema, schemas, knownValues).map((v): FuzzBody => ({ text: toJsonText(v), kind: 'json' })), weight: 9 },
    { arbitrary: fc.constantFrom(...JUNK_BODIES).map((text): FuzzBody => ({ text, kind: 'junk' })), weight: 1 },
  );
}

type Raw = Record<string, unknown>;

function metadataOf(o: Raw): Raw {
  return typeof o.metadata === 'object' && o.metadata !== null ? (o.metadata as Raw) : {};
}

/** Ways to change a real Istio object before it is sent back; the identity keeps the object as read. */
const OBJECT_MUTATIONS: readonly ((o: Raw) => Raw)[] = [
  (o) => o,
  (o) => o,
  (o) => ({ ...o, kind: o.kind === 'VirtualService' ? 'DestinationRule' : 'VirtualService' }),
  (o) => ({ ...o, kind: 'virtualservice' }),
  (o) => ({ ...o, apiVersion: 'v1' }),
  (o) => ({ ...o, apiVersion: 'networking.istio.io/v999' }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), name: 'renamed' } }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), namespace: 'travel' } }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), namespace: undefined } }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), resourceVersion: undefined } }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), resourceVersion: '1' } }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), resourceVersion: 'not-a-number' } }),
  (o) => ({ ...o, metadata: { ...metadataOf(o), resourceVersion: 42 } }),
  (o) => ({ ...o, metadata: 'x' }),
  (o) => ({ ...o, metadata: undefined }),
  (o) => ({ ...o, spec: 'x' }),
  (o) => ({ ...o, spec: [] }),
  (o) => ({ ...o, spec: null }),
  (o) => ({ ...o, spec: { ...(o.spec as Raw), unknownField: { a: 1 } } }),
  (o) => ({ ...o, spec: { ...(o.spec as Raw), hosts: 5 } }),
  (o) => ({ ...o, spec: { ...(o.spec as Raw), http: { route: 'x' } } }),
  (o) => ({ ...o, spec: { ...(o.spec as Raw), http: [{ route: [{ destination: { host: 'reviews', subset: 'v9' }, weight: 150 }] }] } }),
  (o) => ({ ...o, spec: { ...(o.spec as Raw), http: [{ timeout: '5 s', retries: { attempts: -1 } }] } }),
  (o) => ({ ...o, spec: { ...(o.spec as Raw), trafficPolicy: { loadBalancer: { simple: 'NOPE' } } } }),
  (o) => ({ ...o, status: { validationMessages: [] } }),
];

/** Ways to break YAML text: indentation, tabs, duplicate keys, cut-offs, documents, aliases. */
const TEXT_MUTATIONS: readonly ((text: string) => string)[] = [
  (t) => t,
  (t) => t,
  (t) => t.replace(/\n {2}(\S)/, '\n   $1'),
  (t) => t.replace(/\n {2}/g, '\n\t'),
  (t) => t.replace(/\n(\w)/, '\n $1'),
  (t) => `${t}kind: Gateway\n`,
  (t) => t.slice(0, Math.floor(t.length / 2)),
  (t) => `${t}---\n${t}`,
  (t) => `base: &a [x, x, x, x, x, x, x, x]\nmore: [*a, *a, *a, *a, *a, *a, *a, *a]\n${t}`,
  (t) => t.replace(/: /g, ':'),
  (t) => `%YAML 9.9\n---\n${t}`,
  (t) => `${t}status: *missing\n`,
  (t) => t.replace(/^spec:[\s\S]*$/m, 'spec: !!binary aGVsbG8=\n'),
];

/** An alias that expands to 9^5 strings: the YAML parser's guard against resource exhaustion must answer it. */
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`)].join('\n');

/** YAML the editor might send: the object as read (changed or not), broken text, or junk. */
export function yamlArbitrary(objects: readonly Raw[]): fc.Arbitrary<string> {
  const junk = ['', '{', ': :', '*a', ALIAS_BOMB, '- a\n- b', '---\n---\n', 'null', '42', '"x"', 'a: [', 'key: value\n  bad: indent', 'x'.repeat(300 * 1024), ...HOSTILE];
  const mutated =
    objects.length === 0
      ? fc.constantFrom(...junk)
      : fc
          .tuple(fc.constantFrom(...objects), fc.constantFrom(...OBJECT_MUTATIONS), fc.constantFrom(...TEXT_MUTATIONS))
          .map(([o, change, breakText]) => breakText(stringify(JSON.parse(JSON.stringify(change(o))) as unknown)));
  return fc.oneof({ arbitrary: mutated, weight: 5 }, { arbitrary: fc.constantFrom(...junk), weight: 1 });
}
