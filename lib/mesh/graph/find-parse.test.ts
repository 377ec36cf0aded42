import { describe, expect, it } from 'vitest';
import type { FindField, FindFlag } from './find-fields';
import { parseFind, type FindExpr } from './find-parse';
import type { CompareOp, FindValue } from './find-values';

const cmp = (field: FindField, op: CompareOp, value: FindValue): FindExpr => ({ type: 'compare', field, op, value });
const flag = (name: FindFlag): FindExpr => ({ type: 'flag', flag: name });
const and = (...operands: FindExpr[]): FindExpr => ({ type: 'and', operands });
const or = (...operands: FindExpr[]): FindExpr => ({ type: 'or', operands });
const not = (operand: FindExpr): FindExpr => ({ type: 'not', operand });

describe('parseFind: accepted expressions', () => {
  it.each<[string, FindExpr]>([
    // blank text
    ['', { type: 'empty' }],
    ['   \t ', { type: 'empty' }],
    // numbers and units
    ['rps > 10', cmp('rps', '>', 10)],
    ['errorRate > 0.05', cmp('errorRate', '>', 0.05)],
    ['errorRate > 5%', cmp('errorRate', '>', 0.05)],
    ['err >= 57%', cmp('errorRate', '>=', 0.57)],
    ['errorRate <= 1', cmp('errorRate', '<=', 1)],
    ['p99 >= 1s', cmp('p99', '>=', 1000)],
    ['p50 < 250ms', cmp('p50', '<', 250)],
    ['p95 < 500µs', cmp('p95', '<', 0.5)],
    ['p95 < 500us', cmp('p95', '<', 0.5)],
    ['p99 > 2min', cmp('p99', '>', 120_000)],
    ['p99 > 250', cmp('p99', '>', 250)],
    ['p99 > 1.5S', cmp('p99', '>', 1500)],
    ['rps >= 10rps', cmp('rps', '>=', 10)],
    ['rps > .5/s', cmp('rps', '>', 0.5)],
    ['rps > 1e3', cmp('rps', '>', 1000)],
    ['rps == 0', cmp('rps', '=', 0)],
    ['rps != 0', cmp('rps', '!=', 0)],
    ['throughput > 2MB/s', cmp('throughput', '>', 2_000_000)],
    ['throughput >= 1KiB', cmp('throughput', '>=', 1024)],
    ['mtls < 50%', cmp('mtls', '<', 0.5)],
    // quoted values go through the same number reader
    ['rps > "10"', cmp('rps', '>', 10)],
    // response codes: patterns for = and !=, numbers for ordering
    ['code = 503', cmp('code', '=', '503')],
    ['code = 5XX', cmp('code', '=', '5xx')],
    ['code != 200', cmp('code', '!=', '200')],
    ['code >= 500', cmp('code', '>=', 500)],
    // text, quoted text, escapes
    ['name ~ rev', cmp('name', '~', 'rev')],
    ['name !~ rev', cmp('name', '!~', 'rev')],
    ['name = "reviews v2"', cmp('name', '=', 'reviews v2')],
    ["name = 'reviews v2'", cmp('name', '=', 'reviews v2')],
    ["name = 'it\\'s'", cmp('name', '=', "it's")],
    ['name = "say \\"hi\\" \\\\o/"', cmp('name', '=', 'say "hi" \\o/')],
    ['name = ""', cmp('name', '=', '')],
    ['name = "and"', cmp('name', '=', 'and')],
    ['workload = reviews-v2.bookinfo:9080', cmp('workload', '=', 'reviews-v2.bookinfo:9080')],
    // unicode values, and decomposed input stored composed
    ['namespace = café', cmp('namespace', '=', 'café')],
    ['name = "cre\u0300me"', cmp('name', '=', 'cr\u00e8me')],
    ['app = 日本語', cmp('app', '=', '日本語')],
    ['name ~ "🙂 x"', cmp('name', '~', '🙂 x')],
    // enum fields: value checked and lower-cased, except for ~ which is free text
    ['health = Degraded', cmp('health', '=', 'degraded')],
    ['protocol = GRPC', cmp('protocol', '=', 'grpc')],
    ['type ~ Serv', cmp('nodeType', '~', 'Serv')],
    // aliases and case-insensitive keywords, fields and flags
    ['ns = bookinfo', cmp('namespace', '=', 'bookinfo')],
    ['NAMESPACE = bookinfo AND Version = v2', and(cmp('namespace', '=', 'bookinfo'), cmp('version', '=', 'v2'))],
    ['InRps > 1 Or OUTRPS > 1', or(cmp('inRps', '>', 1), cmp('outRps', '>', 1))],
    ['HEALTHY or Idle', or(flag('healthy'), flag('idle'))],
    ['NOT root', not(flag('root'))],
    // combinations
    ['namespace = bookinfo and version = v2', and(cmp('namespace', '=', 'bookinfo'), cmp('version', '=', 'v2'))],
    ['!healthy', not(flag('healthy'))],
    ['not (healthy or idle)', not(or(flag('healthy'), flag('idle')))],
    ['not not healthy', not(not(flag('healthy')))],
    ['!rps > 10', not(cmp('rps', '>', 10))],
    ['mtls', flag('mtls')],
    ['((healthy))', flag('healthy')],
    ['healthy or idle or root', or(flag('healthy'), flag('idle'), flag('root'))],
    // and binds tighter than or, on either side, and parentheses override it
    ['healthy or root and idle', or(flag('healthy'), and(flag('root'), flag('idle')))],
    ['healthy and root or idle', or(and(flag('healthy'), flag('root')), flag('idle'))],
    ['(healthy or root) and idle', and(or(flag('healthy'), flag('root')), flag('idle'))],
    ['!healthy and root', and(not(flag('healthy')), flag('root'))],
    // symbols need no spaces
    [
      'rps>10&&err<=0.1||!root',
      or(and(cmp('rps', '>', 10), cmp('errorRate', '<=', 0.1)), not(flag('root'))),
    ],
  ])('%j', (text, expr) => {
    expect(parseFind(text)).toEqual({ ok: true, expr });
  });
});

describe('parseFind: errors name what was expected and where', () => {
  it.each<[string, string, number]>([
    // unknown names
    ['rpz > 10', 'unknown field "rpz" at 0 (did you mean "rps"?)', 0],
    ['healthy and namespce = x', 'unknown field "namespce" at 12 (did you mean "namespace"?)', 12],
    ['zzzzzz = 1', 'unknown field "zzzzzz" at 0', 0],
    ['helthy', 'unknown flag "helthy" at 0 (did you mean "healthy"?)', 0],
    ['root or qqq', 'unknown flag "qqq" at 8', 8],
    ['rps', 'expected an operator after "rps" at 3 (one of = != > >= < <= ~ !~)', 3],
    // missing values
    ['rps >', 'expected a value after ">" at 5', 5],
    ['rps > (1)', 'expected a value after ">" at 6 (found "(")', 6],
    ['name = and', 'expected a value after "=" at 7 (found "and")', 7],
    // parentheses
    ['(healthy or root))', 'unbalanced ")" at 17', 17],
    [')', 'unbalanced ")" at 0', 0],
    ['healthy)', 'unbalanced ")" at 7', 7],
    ['(healthy or root', 'expected ")" at 16 (to close the "(" at 0)', 16],
    ['(healthy root)', 'expected "and", "or" or ")" at 9 (found "root")', 9],
    ['()', 'expected an expression after "(" at 1 (found ")")', 1],
    // missing expressions
    ['healthy and', 'expected an expression after "and" at 11', 11],
    ['healthy ||', 'expected an expression after "||" at 10', 10],
    ['not', 'expected an expression after "not" at 3', 3],
    ['or healthy', 'expected an expression at 0 (found "or")', 0],
    ['healthy root', 'expected "and", "or" or the end at 8 (found "root")', 8],
    ['> 3', 'expected a field or flag before ">" at 0', 0],
    ['"reviews"', 'expected a field or flag at 0 (found "reviews"; to search names write name ~ "reviews")', 0],
    // lexing
    ['name = "reviews', 'unterminated string at 7 (no closing ")', 7],
    ["name = 'x", "unterminated string at 7 (no closing ')", 7],
    ['healthy & root', 'unexpected "&" at 8 (write "&&" or "and")', 8],
    ['healthy | root', 'unexpected "|" at 8 (write "||" or "or")', 8],
    // operators that do not fit the field
    ['rps ~ 10', 'operator "~" does not apply to rps at 4 (rps is a number)', 4],
    ['namespace > 3', 'operator ">" does not apply to namespace at 10 (namespace is text)', 10],
    ['health >= healthy', 'operator ">=" does not apply to health at 7 (health is text)', 7],
    ['code ~ 5', 'operator "~" does not apply to code at 5 (code is response codes)', 5],
    // values that do not fit the field
    ['rps > abc', '"abc" is not a number at 6 (rps takes requests per second, e.g. 10 or 0.5)', 6],
    ['p99 > 5xs', 'unknown unit "xs" in "5xs" at 6 (p99 takes milliseconds, or a unit: 250ms, 1s, 2min, 500µs)', 6],
    ['rps > 5%', 'unknown unit "%" in "5%" at 6 (rps takes requests per second, e.g. 10 or 0.5)', 6],
    ['errorRate > 5', 'errorRate is a share from 0 to 1, not "5" at 12 (write 5% for a percentage)', 12],
    ['protocol = htp', 'unknown protocol "htp" at 11 (did you mean "http"?)', 11],
    ['health = zzz', 'unknown health "zzz" at 9 (expected healthy, degraded, failure, na)', 9],
    ['code = abc', '"abc" is not a response code at 7 (write e.g. 503 or 5xx)', 7],
    ['code > 5xx', '"5xx" is not a number at 7 (">" compares codes as numbers, e.g. code >= 500)', 7],
    // positions are UTF-16 offsets, so text before the error may hold accents and astral characters
    ['name = café and helthy', 'unknown flag "helthy" at 16 (did you mean "healthy"?)', 16],
    ['name = "🙂" and helthy', 'unknown flag "helthy" at 16 (did you mean "healthy"?)', 16],
  ])('%j', (text, message, position) => {
    expect(parseFind(text)).toEqual({ ok: false, error: { message, position } });
  });

  it('puts the caret on the offending character', () => {
    const text = 'ns = bookinfo and (p99 > 1s or rpz > 3)';
    const result = parseFind(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(text.slice(result.error.position)).toBe('rpz > 3)');
  });
});
