import { describe, expect, it } from 'vitest';
import type { Matcher } from './ast';
import { selector } from './build';
import { PromqlError } from './errors';
import { eq, neq, noneOf, nre, oneOf, re } from './matchers';
import { render } from './render';

const show = (...matchers: Matcher[]) => render(selector('m', matchers));

describe('exact matchers', () => {
  it.each([
    [eq('app', 'reviews'), 'm{app="reviews"}'],
    [neq('app', 'reviews'), 'm{app!="reviews"}'],
    [eq('app', ''), 'm{app=""}'],
    [eq('app', 'x"} or vector(1)'), 'm{app="x\\"} or vector(1)"}'],
    [neq('app', 'x"} or vector(1)'), 'm{app!="x\\"} or vector(1)"}'],
    [eq('path', 'C:\\tmp\\"q"'), 'm{path="C:\\\\tmp\\\\\\"q\\""}'],
    [eq('msg', 'two\nlines\r\n\tand tab'), 'm{msg="two\\nlines\\r\\n\\tand tab"}'],
    [eq('ns', 'ünïcödé-日本-🚀'), 'm{ns="ünïcödé-日本-🚀"}'],
    // An exact value is not a regex: its metacharacters stay as they are.
    [eq('svc', 'a.b|c'), 'm{svc="a.b|c"}'],
  ])('%j → %s', (matcher, expected) => {
    expect(show(matcher)).toBe(expected);
  });
});

describe('regex matchers', () => {
  it.each([
    [re('reporter', 'waypoint|destination'), 'm{reporter=~"waypoint|destination"}'],
    [nre('response_code', '5..'), 'm{response_code!~"5.."}'],
    // Regex source is only string-escaped: `\.` in the regex becomes `\\.` in the literal.
    [re('destination_service', '^.+\\.bookinfo\\..+$'), 'm{destination_service=~"^.+\\\\.bookinfo\\\\..+$"}'],
    [re('x', 'a"b'), 'm{x=~"a\\"b"}'],
  ])('%j → %s', (matcher, expected) => {
    expect(show(matcher)).toBe(expected);
  });
});

describe('oneOf', () => {
  it.each([
    [['bookinfo'], 'm{ns=~"bookinfo"}'],
    [['bookinfo', 'istio-system'], 'm{ns=~"bookinfo|istio-system"}'],
    [['b', 'a', 'b'], 'm{ns=~"b|a"}'],
    [['a.b'], 'm{ns=~"a\\\\.b"}'],
    [['a|b'], 'm{ns=~"a\\\\|b"}'],
    [['(x)'], 'm{ns=~"\\\\(x\\\\)"}'],
    [['a.b', 'c*', '[d]', '{e}', '^f$', 'g+?'], 'm{ns=~"a\\\\.b|c\\\\*|\\\\[d\\\\]|\\\\{e\\\\}|\\\\^f\\\\$|g\\\\+\\\\?"}'],
    [['x"} or vector(1)'], 'm{ns=~"x\\"\\\\} or vector\\\\(1\\\\)"}'],
    [['back\\slash'], 'm{ns=~"back\\\\\\\\slash"}'],
    [['line\nbreak'], 'm{ns=~"line\\nbreak"}'],
    [['', 'a'], 'm{ns=~"|a"}'],
    [['日本', '🚀'], 'm{ns=~"日本|🚀"}'],
  ])('%j → %s', (values, expected) => {
    expect(show(oneOf('ns', values))).toBe(expected);
  });

  it('matches exactly its values, no more', () => {
    const { value } = oneOf('ns', ['a.b', 'a|b', '(x)']);
    const pattern = new RegExp('^(?:' + value + ')$', 'u');
    for (const v of ['a.b', 'a|b', '(x)']) expect(pattern.test(v)).toBe(true);
    for (const v of ['axb', 'a', 'b', 'x', '(x', '']) expect(pattern.test(v)).toBe(false);
  });

  it('rejects an empty list', () => {
    expect(() => oneOf('ns', [])).toThrow(PromqlError);
  });
});

describe('label names', () => {
  it.each([
    ['eq', () => eq('bad-name', 'x')],
    ['neq', () => neq('', 'x')],
    ['re', () => re('1abc', 'x')],
    ['nre', () => nre('a b', 'x')],
    ['oneOf', () => oneOf('a"}', ['x'])],
  ])('%s throws on an invalid label name', (_name, build) => {
    expect(build).toThrow(/invalid label name/);
  });

  it('render re-checks a hand-built matcher', () => {
    const forged: Matcher = { label: 'a="1"} or up{b', op: '=', value: 'x' };
    expect(() => show(forged)).toThrow(PromqlError);
  });
});

describe('noneOf', () => {
  it('negates oneOf with the same escaping', () => {
    expect(render(selector('m', [noneOf('ns', ['a.b', 'x"y'])]))).toBe('m{ns!~"a\\\\.b|x\\"y"}');
  });
});
