import { describe, expect, it } from 'vitest';
import { byField, durationProblem, percentProblem, wholeProblem } from './checks';

describe('durations', () => {
  it.each(['5s', '250ms', '1m30s', '0.5s', '2h', ' 1ms '])('accepts %j', (text) => {
    expect(durationProblem(text)).toBeUndefined();
  });

  it.each(['5', '5 s', 's', '-1s', '1d', '', '0.0001s'])('refuses %j', (text) => {
    expect(durationProblem(text)).toMatch(/^Enter a duration such as 5s/);
  });

  it('accepts from 1 ms and says what to type otherwise', () => {
    expect(durationProblem('0s')).toBe('Must be at least 1ms.');
    expect(durationProblem('five seconds')).toMatch(/^Enter a duration such as 5s/);
  });
});

describe('numbers', () => {
  it.each([
    ['0', 0, 100, undefined],
    ['100', 0, 100, undefined],
    ['101', 0, 100, 'Enter a whole number from 0 to 100.'],
    ['1.5', 0, 100, 'Enter a whole number from 0 to 100.'],
    ['', 0, 100, 'Enter a whole number from 0 to 100.'],
    ['-1', 0, 100, 'Enter a whole number from 0 to 100.'],
    ['0', 1, undefined, 'Enter a whole number of at least 1.'],
    ['12', 1, undefined, undefined],
  ])('%j in %i..%s → %s', (text, min, max, problem) => {
    expect(wholeProblem(text, min, max)).toBe(problem);
  });

  it.each([
    ['0', undefined],
    ['12.5', undefined],
    ['100', undefined],
    ['100.1', 'Enter a percentage from 0 to 100.'],
    ['ten', 'Enter a percentage from 0 to 100.'],
    ['', 'Enter a percentage from 0 to 100.'],
  ])('percentage %j → %s', (text, problem) => {
    expect(percentProblem(text)).toBe(problem);
  });
});

describe('byField', () => {
  it('keeps the first message of each field', () => {
    expect(byField([{ field: 'a', message: 'one' }, { field: 'b', message: 'two' }, { field: 'a', message: 'three' }])).toEqual({ a: 'one', b: 'two' });
  });
});
