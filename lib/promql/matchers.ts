import type { Matcher } from './ast';
import { PromqlError } from './errors';
import { assertLabelName, escapeRegex } from './escape';

/** `label="value"`: the label equals `value` exactly (an empty value also matches an absent label). */
export function eq(label: string, value: string): Matcher {
  return { label: assertLabelName(label), op: '=', value };
}

/** `label!="value"`: the label differs from `value`. */
export function neq(label: string, value: string): Matcher {
  return { label: assertLabelName(label), op: '!=', value };
}

/**
 * `label=~"pattern"`: the label fully matches the RE2 `pattern`. The pattern is trusted regex source written in
 * our code; never pass user input here (use {@link oneOf}).
 */
export function re(label: string, pattern: string): Matcher {
  return { label: assertLabelName(label), op: '=~', value: pattern };
}

/** `label!~"pattern"`: the label does not fully match the RE2 `pattern` (trusted source, as for {@link re}). */
export function nre(label: string, pattern: string): Matcher {
  return { label: assertLabelName(label), op: '!~', value: pattern };
}

/**
 * `label=~"a|b\\.c"`: the label equals one of the literal `values` (safe for user input; duplicates dropped,
 * order kept). Throws a {@link PromqlError} on an empty list, which would otherwise match only absent labels.
 */
export function oneOf(label: string, values: readonly string[]): Matcher {
  assertLabelName(label);
  if (values.length === 0) throw new PromqlError(`oneOf(${label}) needs at least one value`);
  return { label, op: '=~', value: [...new Set(values)].map(escapeRegex).join('|') };
}

/** `label!~"a|b\\.c"`: the label equals none of the literal `values` (safe for user input). */
export function noneOf(label: string, values: readonly string[]): Matcher {
  return { ...oneOf(label, values), op: '!~' };
}
