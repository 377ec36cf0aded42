import { PromqlError } from './errors';

// Classic (non-UTF-8) Prometheus names; the quoted `{"a.b"}` syntax of Prometheus 3 is deliberately not supported.
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

// RE2 metacharacters, the same set as Go's regexp.QuoteMeta.
const REGEX_META = /[\\.+*?()|[\]{}^$]/g;

// Characters that cannot appear raw inside a PromQL double-quoted string, or would be ambiguous there.
const STRING_SPECIAL = /[\\"\u0000-\u001f\u007f]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Whether `name` is a valid Prometheus label name (`[a-zA-Z_][a-zA-Z0-9_]*`). */
export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** Returns `name` unchanged, or throws a {@link PromqlError} when it is not a valid label name. */
export function assertLabelName(name: string): string {
  if (!isLabelName(name)) throw new PromqlError(`invalid label name ${JSON.stringify(name)}: must match [a-zA-Z_][a-zA-Z0-9_]*`);
  return name;
}

/** Returns `name` unchanged, or throws a {@link PromqlError} when it is not a valid metric name. */
export function assertMetricName(name: string): string {
  if (!METRIC_NAME.test(name)) throw new PromqlError(`invalid metric name ${JSON.stringify(name)}: must match [a-zA-Z_:][a-zA-Z0-9_:]*`);
  return name;
}

/**
 * Renders `value` as a PromQL double-quoted string literal: `a"b\c` → `"a\"b\\c"`.
 * Newline, carriage return and tab get their short escapes, other control characters `\uXXXX`; other
 * characters (any unicode) stay as they are. A lone UTF-16 surrogate, which no Prometheus label can hold, becomes U+FFFD.
 */
export function quoteString(value: string): string {
  const escaped = value
    .toWellFormed()
    .replace(STRING_SPECIAL, (ch) => SHORT_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
  return '"' + escaped + '"';
}

/** Escapes RE2 metacharacters so the regex matches `literal` exactly: `a.b` → `a\.b`. Not yet string-quoted. */
export function escapeRegex(literal: string): string {
  return literal.replace(REGEX_META, '\\$&');
}
