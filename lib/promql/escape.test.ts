import { describe, expect, it } from 'vitest';
import { PromqlError } from './errors';
import { assertLabelName, assertMetricName, escapeRegex, quoteString } from './escape';

// Reads one PromQL double-quoted literal the way Prometheus' lexer does (the escapes we emit, no raw newline) and
// fails unless the literal spans the whole input: proof that nothing leaks out of the string.
function unquote(literal: string): string {
  expect(literal.startsWith('"')).toBe(true);
  const simple: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
  let out = '';
  let i = 1;
  for (;;) {
    const ch = literal[i];
    if (ch === undefined || ch === '\n') throw new Error('unterminated string: ' + literal);
    if (ch === '"') break;
    if (ch === '\\') {
      const next = literal[i + 1] ?? '';
      if (next === 'u') {
        out += String.fromCharCode(parseInt(literal.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const decoded = simple[next];
      if (decoded === undefined) throw new Error('bad escape \\' + next);
      out += decoded;
      i += 2;
      continue;
    }
    out += ch;
    i += 1;
  }
  expect(i).toBe(literal.length - 1);
  return out;
}

describe('quoteString', () => {
  it.each([
    ['', '""'],
    ['bookinfo', '"bookinfo"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\dir', '"C:\\\\dir"'],
    ['a\nb', '"a\\nb"'],
    ['a\r\nb', '"a\\r\\nb"'],
    ['a\tb', '"a\\tb"'],
    ['nul\u0000bell\u0007del\u007f', '"nul\\u0000bell\\u0007del\\u007f"'],
    ['x"} or vector(1)', '"x\\"} or vector(1)"'],
    ['x\\"} or vector(1) #', '"x\\\\\\"} or vector(1) #"'],
    ["it's", '"it\'s"'],
    ['ünïcödé ✓ 日本 🚀', '"ünïcödé ✓ 日本 🚀"'],
    ['lone \ud800 surrogate', '"lone \ufffd surrogate"'],
  ])('%j → %s', (value, expected) => {
    expect(quoteString(value)).toBe(expected);
  });

  it.each([
    [''],
    ['x"} or vector(1)'],
    ['\\"\\\\"'],
    ['"'],
    ['\\'],
    ['line1\nline2\r\n\ttab'],
    ['\u0001\u001f\u007f'],
    ['ünïcödé 🚀'],
    ['a\\nb'],
  ])('keeps %j inside one literal and round-trips', (value) => {
    expect(unquote(quoteString(value))).toBe(value);
  });
});

describe('escapeRegex', () => {
  it.each([
    ['plain-name_1', 'plain-name_1'],
    ['a.b', 'a\\.b'],
    ['a|b', 'a\\|b'],
    ['(x)', '\\(x\\)'],
    ['\\.+*?()|[]{}^$', '\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$'],
    ['', ''],
    ['日本', '日本'],
  ])('%j → %s', (literal, expected) => {
    expect(escapeRegex(literal)).toBe(expected);
  });

  it.each([['a.b'], ['a|b'], ['(x)'], ['[0-9]+'], ['^$'], ['{1,2}'], ['a\\b'], ['日本?']])(
    '%j matches only itself as a regex',
    (literal) => {
      const pattern = new RegExp('^(?:' + escapeRegex(literal) + ')$', 'u');
      expect(pattern.test(literal)).toBe(true);
      expect(pattern.test(literal + 'x')).toBe(false);
      expect(pattern.test(literal.replace(/[^\w]/u, 'x'))).toBe(false);
    },
  );
});

describe('name validation', () => {
  it.each(['app', '_private', '__name__', 'destination_workload', 'Le9'])('accepts label name %j', (name) => {
    expect(assertLabelName(name)).toBe(name);
  });

  it.each(['', '9lives', 'a-b', 'a.b', 'a b', 'a"', 'a:b', 'é', 'app}'])('rejects label name %j', (name) => {
    expect(() => assertLabelName(name)).toThrow(PromqlError);
    expect(() => assertLabelName(name)).toThrow(/invalid label name/);
  });

  it.each(['istio_requests_total', 'job:rate5m:sum', '_m', ':colon'])('accepts metric name %j', (name) => {
    expect(assertMetricName(name)).toBe(name);
  });

  it.each(['', '1m', 'a-b', 'a.b', 'up{}', 'up or vector(1)', 'up"'])('rejects metric name %j', (name) => {
    expect(() => assertMetricName(name)).toThrow(/invalid metric name/);
  });
});
