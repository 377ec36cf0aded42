import { describe, expect, it } from 'vitest';
import { SUM_FIELD, evenSplit, shiftingSpec, weightField, weightSum, withWeights, type ShiftingForm } from './shifting';
import { reviewsModel } from './test-model';

const model = reviewsModel();
const form = (...weights: string[]): ShiftingForm => ({ rows: ['v1', 'v2', 'v3'].map((v, i) => ({ subset: v, version: v, weight: weights[i] ?? '0' })) });

describe('evenSplit', () => {
  it.each([
    [0, []],
    [1, [100]],
    [2, [50, 50]],
    [3, [34, 33, 33]],
    [6, [17, 17, 17, 17, 16, 16]],
  ])('%i versions → %o', (n, weights) => {
    expect(evenSplit(n)).toEqual(weights);
    if (n > 0) expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('init', () => {
  it('has a row per version with its live weight, 0 where the route does not go', () => {
    expect(shiftingSpec.init(model)).toEqual(form('100', '0', '0'));
  });

  it('names a subset after its version when no rule defines one, and lists routed subsets without workloads', () => {
    const m = reviewsModel({
      versions: [{ version: 'v1', labels: { version: 'v1' }, workloads: ['reviews-v1'] }],
      routes: [{ subset: 'v1', weight: 80 }, { subset: 'old', weight: 20 }],
    });
    expect(shiftingSpec.init(m).rows).toEqual([
      { subset: 'v1', version: 'v1', weight: '80' },
      { subset: 'old', version: 'old', weight: '20', orphan: true },
    ]);
  });

  it('starts from an even split when nothing routes the service yet', () => {
    expect(shiftingSpec.init(reviewsModel({ routes: [], virtualService: undefined, resourceVersion: undefined })).rows.map((r) => r.weight)).toEqual(['34', '33', '33']);
  });
});

describe('check', () => {
  it.each<[string[], Record<string, string>]>([
    [['0', '50', '50'], {}],
    [['100', '0', '0'], {}],
    [['10', '50', '30'], { [SUM_FIELD]: 'The weights add up to 90%; they must add up to 100%.' }],
    [['', '50', '50'], { [weightField('v1')]: 'Enter a whole number from 0 to 100.' }],
    [['0', '50.5', '49.5'], { [weightField('v2')]: 'Enter a whole number from 0 to 100.', [weightField('v3')]: 'Enter a whole number from 0 to 100.' }],
    [['0', '150', '-50'], { [weightField('v2')]: 'Enter a whole number from 0 to 100.', [weightField('v3')]: 'Enter a whole number from 0 to 100.' }],
  ])('%o → %o', (weights, errors) => {
    expect(Object.fromEntries(shiftingSpec.check(form(...weights), model).map((e) => [e.field, e.message]))).toEqual(errors);
  });

  it('sums what it can read', () => {
    expect(weightSum(form('10', 'x', '20'))).toBe(30);
  });

  it('refuses a service without versions', () => {
    expect(shiftingSpec.check({ rows: [] }, reviewsModel({ versions: [], routes: [] }))).toEqual([{ field: SUM_FIELD, message: 'This service has no versions to send traffic to.' }]);
  });
});

describe('toEdit', () => {
  it('keeps the live route at 0 and leaves out untouched versions at 0', () => {
    expect(shiftingSpec.toEdit(form('0', '50', '50'), model)).toEqual({
      routes: [{ subset: 'v1', weight: 0 }, { subset: 'v2', weight: 50 }, { subset: 'v3', weight: 50 }],
      rules: [],
      resourceVersion: '1001',
      destinationRuleVersion: '2002',
    });
    expect(shiftingSpec.toEdit(form('100', '0', '0'), model).routes).toEqual([{ subset: 'v1', weight: 100 }]);
  });

  it('repeats the other settings unchanged', () => {
    const m = reviewsModel({ timeout: '3s', retries: { attempts: 2 }, fault: { abort: { percent: 5, httpStatus: 503 } } });
    expect(shiftingSpec.toEdit(form('0', '100', '0'), m)).toMatchObject({ timeout: '3s', retries: { attempts: 2 }, fault: { abort: { percent: 5, httpStatus: 503 } } });
  });
});

describe('server errors and rebase', () => {
  it('places routes[i] errors at the row of the i-th routed subset', () => {
    const edit = shiftingSpec.toEdit(form('0', '50', '50'), model);
    const fieldOf = shiftingSpec.fieldOf!;
    expect(fieldOf('routes[2].weight', edit)).toBe(weightField('v3'));
    expect(fieldOf('routes[9].subset', edit)).toBe(SUM_FIELD);
    expect(fieldOf('routes', edit)).toBe(SUM_FIELD);
    expect(fieldOf('timeout', edit)).toBe('timeout');
  });

  it('keeps typed weights for subsets the newer model still has, and adds its new ones', () => {
    const latest = reviewsModel({
      routes: [{ subset: 'v1', weight: 90 }, { subset: 'v4', weight: 10 }],
      versions: [...model.versions, { version: 'v4', labels: { version: 'v4' }, workloads: ['reviews-v4'], subset: 'v4' }],
    });
    expect(shiftingSpec.rebase!(form('0', '50', '50'), latest).rows.map((r) => `${r.subset}=${r.weight}`)).toEqual(['v1=0', 'v2=50', 'v3=50', 'v4=10']);
  });

  it('sets all weights at once', () => {
    expect(withWeights(form('1', '2', '3'), [0, 100]).rows.map((r) => r.weight)).toEqual(['0', '100', '0']);
  });
});
