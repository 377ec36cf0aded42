import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../health';
import { parseHealthConfig, thresholdsFor, type HealthRule } from './thresholds';

function rules(text: string): HealthRule[] {
  const parsed = parseHealthConfig(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
}

describe('parseHealthConfig', () => {
  it('reads YAML and merges each rule over the defaults', () => {
    const [rule] = rules('rules:\n  - namespace: bookinfo|travel\n    kind: services\n    thresholds:\n      http5xx: { degraded: 0.01, failure: 0.05 }\n');
    expect(rule?.kind).toBe('services');
    expect(rule?.namespace?.source).toBe('^(?:bookinfo|travel)$');
    expect(rule?.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, http5xx: { degraded: 0.01, failure: 0.05, inclusive: false } });
  });

  it('reads JSON as well', () => {
    const [rule] = rules(JSON.stringify({ rules: [{ name: 'legacy-.*', thresholds: { http4xx: { inclusive: false } } }] }));
    expect(rule?.name?.test('legacy-billing')).toBe(true);
    expect(rule?.thresholds.http4xx).toEqual({ degraded: 0.1, failure: 0.2, inclusive: false });
  });

  it('accepts an empty rule list', () => {
    expect(rules('{"rules": []}')).toEqual([]);
  });

  it.each([
    ['rules: [ {', /^not valid JSON or YAML: /],
    ['', 'the file is empty; write { "rules": [ … ] }'],
    ['[1, 2]', '(top level): must be an object with a "rules" list'],
    ['rules: {}', 'rules: must be a list of rules'],
    ['rules:\n  - namespace: bookinfo\n', 'rules[0].thresholds: must be an object such as { http5xx: { failure: 0.05 } }'],
    ['rules:\n  - namespace: "("\n    thresholds: {}\n', 'rules[0].namespace: "(" is not a valid regular expression'],
    ['rules:\n  - name: ""\n    thresholds: {}\n', 'rules[0].name: must not be empty'],
    ['rules:\n  - kind: pods\n    thresholds: {}\n', 'rules[0].kind: must be apps, workloads or services'],
    ['rules:\n  - thresholds: {}\n  - thresholds: { http5xx: { failure: 10 } }\n', 'rules[1].thresholds.http5xx.failure: must be from 0 to 1'],
    ['rules:\n  - thresholds: { http5xx: { failure: "10%" } }\n', 'rules[0].thresholds.http5xx.failure: must be a share from 0 to 1, e.g. 0.1 for 10 %'],
    ['rules:\n  - thresholds: { http5xx: { inclusive: "yes" } }\n', 'rules[0].thresholds.http5xx.inclusive: must be true or false'],
    ['rules: [3]', 'rules[0]: must be an object with thresholds and optional namespace, name and kind'],
    ['rules:\n  - thresholds: { http5xx: 0.1 }\n', 'rules[0].thresholds.http5xx: must be an object with degraded, failure and/or inclusive'],
    ['rules:\n  - thresholds: { http500: {} }\n', 'rules[0].thresholds: Unrecognized key: "http500"'],
    ['rules:\n  - namespaces: bookinfo\n    thresholds: {}\n', 'rules[0]: Unrecognized key: "namespaces"'],
    ['rules:\n  - thresholds: { http4xx: { degraded: 0.3 } }\n', 'rules[0].thresholds.http4xx: degraded (0.3) must not be above failure (0.2)'],
  ])('%j → %s', (text, error) => {
    const parsed = parseHealthConfig(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('thresholdsFor', () => {
  const configured = rules(`
rules:
  - namespace: payments
    name: ledger-.*
    thresholds: { http5xx: { failure: 0.01 } }
  - namespace: payments
    kind: services
    thresholds: { http5xx: { failure: 0.02 } }
  - namespace: pay.*
    thresholds: { http5xx: { failure: 0.03 } }
`);
  const failureAt = (namespace: string, name: string, kind: 'apps' | 'workloads' | 'services') => thresholdsFor(configured, { namespace, name, kind }).http5xx.failure;

  it.each([
    ['payments', 'ledger-v1', 'workloads', 0.01],
    ['payments', 'ledger-v1', 'services', 0.01],
    ['payments', 'gateway', 'services', 0.02],
    ['payments', 'gateway', 'apps', 0.03],
    ['payroll', 'ledger-v1', 'workloads', 0.03],
    // Patterns match whole names: `pay.*` does not catch `repay`, `ledger-.*` not `old-ledger-v1`.
    ['repay', 'gateway', 'apps', 0.1],
    ['payments', 'old-ledger-v1', 'workloads', 0.03],
    ['bookinfo', 'reviews', 'services', 0.1],
  ] as const)('%s/%s (%s) → failure at %f', (namespace, name, kind, failure) => {
    expect(failureAt(namespace, name, kind)).toBe(failure);
  });

  it('falls back to the defaults without rules', () => {
    expect(thresholdsFor([], { namespace: 'a', name: 'b', kind: 'apps' })).toBe(DEFAULT_THRESHOLDS);
  });
});
