// Health thresholds per namespace or name pattern: the rules of the file MESHSCOPE_HEALTH_CONFIG names, and which
// rule an item gets. Pure: lib/config/env.ts reads the file and hands its text here.

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type HealthThresholds, type Threshold } from '../health';
import type { InventoryKind } from './types';

/** One rule: items whose namespace, name and kind all match get these thresholds. Patterns match whole strings. */
export interface HealthRule {
  namespace?: RegExp;
  name?: RegExp;
  kind?: InventoryKind;
  /** The rule's thresholds, already merged over the defaults. */
  thresholds: HealthThresholds;
}

/** What an item is, for choosing its rule. */
export interface RuleSubject {
  namespace: string;
  name: string;
  kind: InventoryKind;
}

// Patterns are anchored, like PromQL's: `bookinfo` must not also catch `bookinfo-staging`.
function compile(source: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return undefined;
  }
}

const pattern = z
  .string()
  .min(1, 'must not be empty')
  .transform((source, ctx) => {
    const re = compile(source);
    if (!re) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(source.slice(0, 60))} is not a valid regular expression` });
    return re ?? /$^/;
  });

// The message for a value that is not an object at all; an unknown key keeps zod's own "Unrecognized key" message.
const notAnObject = (message: string) => ({ error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? message : undefined) });

const share = z.number('must be a share from 0 to 1, e.g. 0.1 for 10 %').min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');
const threshold = z.strictObject(
  { degraded: share.optional(), failure: share.optional(), inclusive: z.boolean('must be true or false').optional() },
  notAnObject('must be an object with degraded, failure and/or inclusive'),
);
const thresholds = z.strictObject(
  { http5xx: threshold.optional(), http4xx: threshold.optional(), grpcOrNoResponse: threshold.optional() },
  notAnObject('must be an object such as { http5xx: { failure: 0.05 } }'),
);
const rule = z.strictObject(
  {
    namespace: pattern.optional(),
    name: pattern.optional(),
    kind: z.enum(['apps', 'workloads', 'services'], 'must be apps, workloads or services').optional(),
    thresholds,
  },
  notAnObject('must be an object with thresholds and optional namespace, name and kind'),
);
const file = z.strictObject({ rules: z.array(rule, 'must be a list of rules') }, notAnObject('must be an object with a "rules" list'));

/** `rules[2].thresholds.http5xx.failure`: a path as one writes it in the file. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') || '(top level)';
}

function merge(over: z.infer<typeof thresholds>): HealthThresholds {
  const one = (key: keyof HealthThresholds): Threshold => ({ ...DEFAULT_THRESHOLDS[key], ...over[key] });
  return { http5xx: one('http5xx'), http4xx: one('http4xx'), grpcOrNoResponse: one('grpcOrNoResponse') };
}

/** The rules of a health-config file (JSON or YAML, `{ rules: [...] }`), or the first problem, naming its field. */
export function parseHealthConfig(text: string): { ok: true; rules: HealthRule[] } | { ok: false; error: string } {
  let raw: unknown;
  try {
    // YAML 1.2 reads JSON as well, so one parser serves both formats.
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON or YAML: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` };
  }
  if (raw === null || raw === undefined) return { ok: false, error: 'the file is empty; write { "rules": [ … ] }' };
  const parsed = file.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${pathText(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}` };
  }
  const rules: HealthRule[] = [];
  for (const [i, r] of parsed.data.rules.entries()) {
    const merged = merge(r.thresholds);
    for (const key of ['http5xx', 'http4xx', 'grpcOrNoResponse'] as const) {
      const t = merged[key];
      if (t.degraded > t.failure) {
        return { ok: false, error: `rules[${i}].thresholds.${key}: degraded (${t.degraded}) must not be above failure (${t.failure})` };
      }
    }
    rules.push({ ...(r.namespace ? { namespace: r.namespace } : {}), ...(r.name ? { name: r.name } : {}), ...(r.kind ? { kind: r.kind } : {}), thresholds: merged });
  }
  return { ok: true, rules };
}

/** The thresholds of the first rule matching the item, or Kiali's defaults when none does. */
export function thresholdsFor(rules: readonly HealthRule[], subject: RuleSubject): HealthThresholds {
  const match = rules.find(
    (r) =>
      (r.kind === undefined || r.kind === subject.kind) &&
      (r.namespace === undefined || r.namespace.test(subject.namespace)) &&
      (r.name === undefined || r.name.test(subject.name)),
  );
  return match?.thresholds ?? DEFAULT_THRESHOLDS;
}
