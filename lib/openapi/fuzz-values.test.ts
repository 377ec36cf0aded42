import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conformanceProblems } from './conforms';
import { openApiDocument as doc } from './document';
import { HOSTILE, requestArbitrary, requestUrl, validValue } from './fuzz-values';
import type { Parameter } from './types';

const params: [string, Parameter][] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.values(item).flatMap((op) => (op.parameters ?? []).map((p): [string, Parameter] => [`${path} ${p.in}:${p.name}`, p])),
);

/** A generated wire value read back as its schema's type, so the schema can judge it. */
function decoded(p: Parameter, value: string): unknown {
  const type = p.schema.type;
  if (type === 'integer') return Number(value);
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'array') return value === '' ? [] : value.split(',');
  return value;
}

describe('fuzz generators', () => {
  it.each(params)('valid values of %s fit the documented schema', (_name, p) => {
    for (const value of fc.sample(validValue(p, {}), { seed: 7, numRuns: 30 })) {
      expect(conformanceProblems(decoded(p, value), p.schema, doc.components.schemas), value).toEqual([]);
    }
  });

  it('marks a request valid only when every value came from the valid side and required ones are present', () => {
    const op = doc.paths['/api/traces']?.get;
    if (!op) throw new Error('no trace search');
    const samples = fc.sample(requestArbitrary(op, { service: ['productpage.bookinfo'] }), { seed: 3, numRuns: 300 });
    const byName = new Map((op.parameters ?? []).map((p) => [p.name, p]));
    for (const r of samples.filter((s) => s.valid)) {
      expect(r.query.some((q) => q.name === 'service')).toBe(true);
      for (const q of r.query) {
        const p = byName.get(q.name);
        if (p) expect(conformanceProblems(decoded(p, q.value), p.schema, doc.components.schemas), `${q.name}=${q.value}`).toEqual([]);
      }
    }
    expect(samples.some((s) => !s.valid && s.query.some((q) => HOSTILE.includes(q.value) && q.value.length > 1000))).toBe(true);
    expect(samples.filter((s) => s.valid).length).toBeGreaterThan(20);
    expect(samples.filter((s) => !s.valid).length).toBeGreaterThan(20);
  });

  it('builds URLs with encoded values and raw pieces left as they are', () => {
    const url = requestUrl('/api/traces/{traceId}', {
      path: { traceId: 'a/b' },
      query: [
        { name: 'x', value: 'a b&c', raw: false },
        { name: 'y', value: '%00', raw: true },
      ],
      valid: false,
    });
    expect(url).toBe('http://console.test/api/traces/a%2Fb?x=a%20b%26c&y=%00');
  });
});
