import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { conformanceProblems } from './conforms';
import { openApiDocument as doc } from './document';
import { bodyArbitrary, JUNK_BODIES, jsonValueArbitrary, RawNumber, toJsonText, yamlArbitrary } from './fuzz-bodies';
import type { Schema } from './types';

const SEED = 20_260_514;
const schemas = doc.components.schemas;
const bodyOf = (path: string, method: 'put' | 'post'): Schema => {
  const schema = doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} has no JSON body`);
  return schema;
};
const trafficEdit = bodyOf('/api/namespaces/{namespace}/services/{name}/traffic', 'put');

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

describe('toJsonText', () => {
  it.each([
    [{ weight: new RawNumber('1e309') }, '{"weight":1e309}'],
    [[new RawNumber('-0'), 1], '[-0,1]'],
    [{ s: 'raw:1e309' }, '{"s":"raw:1e309"}'],
    [{ s: '\u0000raw:1' }, '{"s":"\\u0000raw:1"}'],
  ])('%j → %s', (value, text) => {
    expect(toJsonText(value)).toBe(text);
  });
});

describe('bodyArbitrary', () => {
  const known = { subset: ['v1', 'v2'], routes: [[{ subset: 'v1', weight: 100 }]], resourceVersion: ['123'] };
  const bodies = fc.sample(bodyArbitrary(trafficEdit, schemas, known), { seed: SEED, numRuns: 300 });
  const outcomes = bodies.map((b) => {
    const json = parsed(b.text);
    return { body: b, json, problems: json.ok ? conformanceProblems(json.value, trafficEdit, schemas) : ['not JSON'] };
  });

  it('produces bodies that conform to TrafficEdit, most of them', () => {
    const conforming = outcomes.filter((o) => o.problems.length === 0);
    expect(conforming.length).toBeGreaterThan(bodies.length * 0.4);
    // Some carry the lab's values, so the route's checks past the shape can pass.
    expect(conforming.some((o) => o.body.text.includes('{"subset":"v1","weight":100}'))).toBe(true);
  });

  it('produces bodies that do not, wrong deep inside as well as at the top', () => {
    const problems = outcomes.flatMap((o) => o.problems);
    expect(problems.some((p) => p === '$: missing routes' || p === '$: missing rules')).toBe(true);
    expect(problems.some((p) => /^\$\.(routes|rules)\[\d+\]/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('$: expected object'))).toBe(true);
    expect(outcomes.some((o) => o.body.kind === 'junk' && !o.json.ok)).toBe(true);
    expect(bodies.some((b) => b.text === '')).toBe(true);
  });

  it('sends numbers JSON.stringify cannot spell and unknown properties', () => {
    expect(bodies.some((b) => /[:[,]-?1e309\b/.test(b.text))).toBe(true);
    const declared = Object.keys(schemas.TrafficEdit?.properties ?? {});
    expect(outcomes.some((o) => o.json.ok && typeof o.json.value === 'object' && o.json.value !== null && Object.keys(o.json.value).some((k) => !declared.includes(k)))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(fc.sample(bodyArbitrary(trafficEdit, schemas, known), { seed: SEED, numRuns: 300 })).toEqual(bodies);
  });
});

describe('jsonValueArbitrary', () => {
  it('produces only conforming values when no wrong value is drawn', () => {
    const login = bodyOf('/api/auth/login', 'post');
    const values = fc.sample(jsonValueArbitrary(login, schemas, { token: ['abc'] }), { seed: SEED, numRuns: 200 });
    const conforming = values.filter((v) => {
      const json = parsed(toJsonText(v));
      return json.ok && conformanceProblems(json.value, login, schemas).length === 0;
    });
    expect(conforming.length).toBeGreaterThan(100);
    expect(conforming.length).toBeLessThan(values.length);
  });
});

describe('yamlArbitrary', () => {
  const live = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '376' },
    spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }] }] },
  };
  const texts = fc.sample(yamlArbitrary([live]), { seed: SEED, numRuns: 300 });
  // As the route reads them: text with any error is refused before its content is looked at.
  const objects = texts.flatMap((t) => {
    const doc = parseDocument(t, { uniqueKeys: true, logLevel: 'silent' });
    if (doc.errors.length > 0) return [];
    try {
      return [doc.toJS() as unknown];
    } catch {
      // An unresolved alias or an alias bomb: reported by toJS, not in doc.errors.
      return [];
    }
  });

  it('sends the object as read, changed versions of it, YAML that does not parse and junk', () => {
    expect(objects).toContainEqual(live);
    expect(objects.some((o) => (o as typeof live | null)?.metadata?.name === 'renamed')).toBe(true);
    const metadataOf = (o: unknown) => (o as { metadata?: unknown } | null)?.metadata;
    expect(objects.some((o) => { const m = metadataOf(o); return typeof m === 'object' && m !== null && !('resourceVersion' in m); })).toBe(true);
    expect(objects.length).toBeLessThan(texts.length);
    expect(texts.some((t) => JUNK_BODIES.includes(t) || t === '' || t.length > 256 * 1024)).toBe(true);
  });

  it('falls back to junk when the lab has no object', () => {
    expect(fc.sample(yamlArbitrary([]), { seed: SEED, numRuns: 20 }).every((t) => !t.includes('apiVersion'))).toBe(true);
  });
});
