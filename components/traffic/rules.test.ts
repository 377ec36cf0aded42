import { describe, expect, it } from 'vitest';
import { moveBy, removeAt, replaceAt } from './list-edit';
import { addRule, moveRule, removeRule, rulesOf, rulesSpec, subsetChoices, type RuleRow, type RulesForm } from './rules';
import { reviewsModel } from './test-model';

const model = reviewsModel({
  rules: [{ name: 'jason', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'jason' }], route: [{ subset: 'v2', weight: 100 }] }],
});
const errors = (form: RulesForm) => Object.fromEntries(rulesSpec.check(form, model).map((e) => [e.field, e.message]));
const rule = (change: Partial<RuleRow>): RulesForm => ({ rules: [{ key: 0, name: '', match: [{ kind: 'uri', name: '', match: 'prefix', value: '/api' }], route: [{ subset: 'v1', weight: '100' }], ...change }], next: 1 });

describe('list edits', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ])('moves item %i by %i', (index, delta, expected) => {
    expect(moveBy(['a', 'b', 'c'], index, delta)).toEqual(expected);
  });

  it('removes and replaces by position', () => {
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(replaceAt(['a', 'b'], 0, 'z')).toEqual(['z', 'b']);
  });
});

describe('rules form', () => {
  it('reads the live rules and writes them back unchanged', () => {
    const form = rulesSpec.init(model);
    expect(form.rules[0]).toEqual({ key: 0, name: 'jason', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'jason' }], route: [{ subset: 'v2', weight: '100' }] });
    expect(rulesOf(form)).toEqual(model.rules);
    expect(rulesSpec.toEdit(form, model)).toMatchObject({ rules: model.rules, routes: model.routes, resourceVersion: '1001' });
  });

  it('adds, moves and removes rules, keeping their keys', () => {
    let form = addRule(rulesSpec.init(model), 'v3');
    expect(form.rules.map((r) => r.key)).toEqual([0, 1]);
    expect(form.rules[1]?.route).toEqual([{ subset: 'v3', weight: '100' }]);
    form = moveRule(form, 1, -1);
    expect(form.rules.map((r) => r.key)).toEqual([1, 0]);
    form = addRule(removeRule(form, 0), 'v1');
    expect(form.rules.map((r) => r.key)).toEqual([0, 2]);
  });

  it('offers each version subset, then other routed ones', () => {
    expect(subsetChoices(reviewsModel({ routes: [{ subset: 'old', weight: 100 }, { subset: '', weight: 0 }], subsets: [{ name: 'spare', labels: {} }] }))).toEqual(['v1', 'v2', 'v3', 'spare', 'old']);
  });
});

describe('rules checks', () => {
  it.each<[string, Partial<RuleRow>, Record<string, string>]>([
    ['a valid uri prefix rule', {}, {}],
    ['no condition', { match: [] }, { 'rules[0].match': 'Add a condition: a rule without one catches every request, so the rules and route after it are never used.' }],
    ['an upper-case header', { match: [{ kind: 'header', name: 'End-User', match: 'exact', value: 'x' }] }, { 'rules[0].match[0].name': 'Header names are lower case, such as x-user.' }],
    [
      'a header twice',
      { match: [{ kind: 'header', name: 'x-user', match: 'exact', value: 'a' }, { kind: 'header', name: 'x-user', match: 'prefix', value: 'b' }] },
      { 'rules[0].match[1].name': 'x-user already has a condition in this rule.' },
    ],
    [
      'two URI conditions',
      { match: [{ kind: 'uri', name: '', match: 'prefix', value: '/a' }, { kind: 'uri', name: '', match: 'prefix', value: '/b' }] },
      { 'rules[0].match[1].value': 'A rule can have one URI condition only.' },
    ],
    ['a header without a name or value', { match: [{ kind: 'header', name: ' ', match: 'exact', value: '' }] }, { 'rules[0].match[0].name': 'Enter a header name.', 'rules[0].match[0].value': 'Enter a value to match.' }],
    ['a bad regex', { match: [{ kind: 'header', name: 'user-agent', match: 'regex', value: '.*(Firefox' }] }, { 'rules[0].match[0].value': 'Not a valid regular expression.' }],
    ['no destination', { route: [] }, { 'rules[0].route': 'Add a destination for the matching requests.' }],
    ['an unknown subset', { route: [{ subset: 'v9', weight: '100' }] }, { 'rules[0].route[0].subset': 'No version has the subset v9.' }],
    ['no subset chosen', { route: [{ subset: '', weight: '100' }] }, { 'rules[0].route[0].subset': 'Choose a version.' }],
    [
      'a subset twice',
      { route: [{ subset: 'v1', weight: '50' }, { subset: 'v1', weight: '50' }] },
      { 'rules[0].route[1].subset': 'v1 is already a destination of this rule.' },
    ],
    ['a split not adding up', { route: [{ subset: 'v1', weight: '50' }, { subset: 'v2', weight: '40' }] }, { 'rules[0].route': 'The weights add up to 90%; they must add up to 100%.' }],
    ['a bad weight', { route: [{ subset: 'v1', weight: 'half' }] }, { 'rules[0].route[0].weight': 'Enter a whole number from 0 to 100.' }],
  ])('%s', (_name, change, expected) => {
    expect(errors(rule(change))).toEqual(expected);
  });
});
