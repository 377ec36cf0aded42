import { describe, expect, it } from 'vitest';
import { escapeHelp, escapeLabelValue, formatLabels, formatValue } from './exposition';

describe('escapeLabelValue', () => {
  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say \\"hi\\"'],
    ['C:\\path', 'C:\\\\path'],
    ['two\nlines', 'two\\nlines'],
    ['x"} or vector(1)', 'x\\"} or vector(1)'],
  ])('%j → %j', (input, expected) => {
    expect(escapeLabelValue(input)).toBe(expected);
  });
});

describe('escapeHelp', () => {
  it('escapes backslash and line feed but keeps double quotes', () => {
    expect(escapeHelp('a "b" \\ c\nd')).toBe('a "b" \\\\ c\\nd');
  });
});

describe('formatValue', () => {
  it.each([
    [0, '0'],
    [42, '42'],
    [0.005, '0.005'],
    [1e21, '1e+21'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('%d → %s', (input, expected) => {
    expect(formatValue(input)).toBe(expected);
  });
});

describe('formatLabels', () => {
  it('keeps the given order and renders nothing for no labels', () => {
    expect(formatLabels([['b', '1'], ['a', 'x"y']])).toBe('{b="1",a="x\\"y"}');
    expect(formatLabels([])).toBe('');
  });
});
