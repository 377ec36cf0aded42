import { describe, expect, it } from 'vitest';
import { circuitOf, circuitSpec, faultSpec, retriesOf, retryOnList, timeoutsSpec, toggleRetryOn, type CircuitForm, type FaultForm, type TimeoutsForm } from './policies';
import { reviewsModel } from './test-model';

const model = reviewsModel();
const errs = (errors: { field: string; message: string }[]) => Object.fromEntries(errors.map((e) => [e.field, e.message]));

describe('fault injection', () => {
  const form = (change: Partial<FaultForm>): FaultForm => ({ ...faultSpec.init(model), ...change });

  it('starts off, with usual values ready when enabled', () => {
    expect(faultSpec.init(model)).toEqual({ delayOn: false, delayPercent: '100', fixedDelay: '5s', abortOn: false, abortPercent: '100', httpStatus: '503' });
    expect(faultSpec.toEdit(faultSpec.init(model), model)).not.toHaveProperty('fault');
  });

  it('round-trips a live fault', () => {
    const fault = { delay: { percent: 10, fixedDelay: '7s' }, abort: { percent: 2.5, httpStatus: 500 } };
    const m = reviewsModel({ fault });
    expect(faultSpec.toEdit(faultSpec.init(m), m).fault).toEqual(fault);
    // Turning both off removes the fault.
    expect(faultSpec.toEdit({ ...faultSpec.init(m), delayOn: false, abortOn: false }, m)).not.toHaveProperty('fault');
  });

  it.each<[Partial<FaultForm>, Record<string, string>]>([
    [{ delayOn: true }, {}],
    [{ delayOn: true, delayPercent: '120', fixedDelay: '5' }, { 'fault.delay.percent': 'Enter a percentage from 0 to 100.', 'fault.delay.fixedDelay': 'Enter a duration such as 5s, 250ms or 1m30s.' }],
    [{ abortOn: true, httpStatus: '99' }, { 'fault.abort.httpStatus': 'Enter an HTTP status from 200 to 599.' }],
    [{ abortOn: true, httpStatus: '600' }, { 'fault.abort.httpStatus': 'Enter an HTTP status from 200 to 599.' }],
    // A disabled part is not checked: its values are not sent.
    [{ abortOn: false, httpStatus: 'x', delayPercent: 'y' }, {}],
  ])('%o → %o', (change, expected) => {
    expect(errs(faultSpec.check(form(change), model))).toEqual(expected);
  });
});

describe('timeouts and retries', () => {
  const form = (change: Partial<TimeoutsForm>): TimeoutsForm => ({ timeout: '', attempts: '', perTryTimeout: '', retryOn: '', ...change });

  it('round-trips live settings, and empties remove them', () => {
    const m = reviewsModel({ timeout: '10s', retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset' } });
    expect(timeoutsSpec.init(m)).toEqual({ timeout: '10s', attempts: '3', perTryTimeout: '2s', retryOn: '5xx,reset' });
    expect(timeoutsSpec.toEdit(timeoutsSpec.init(m), m)).toMatchObject({ timeout: '10s', retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset' } });
    const cleared = timeoutsSpec.toEdit(form({}), m);
    expect(cleared).not.toHaveProperty('timeout');
    expect(cleared).not.toHaveProperty('retries');
  });

  it('tidies the retry conditions', () => {
    expect(retryOnList(' 5xx, ,reset ,')).toEqual(['5xx', 'reset']);
    expect(retriesOf(form({ attempts: '2', retryOn: ' 5xx, reset ' }))).toEqual({ attempts: 2, retryOn: '5xx,reset' });
    expect(toggleRetryOn('5xx,reset', 'reset')).toBe('5xx');
    expect(toggleRetryOn('5xx', 'connect-failure')).toBe('5xx,connect-failure');
    expect(toggleRetryOn('', '5xx')).toBe('5xx');
  });

  it.each<[Partial<TimeoutsForm>, Record<string, string>]>([
    [{}, {}],
    [{ timeout: '1m', attempts: '3', perTryTimeout: '500ms', retryOn: '5xx,503,connect-failure' }, {}],
    [{ timeout: 'soon' }, { timeout: 'Enter a duration such as 5s, 250ms or 1m30s.' }],
    [{ attempts: 'three' }, { 'retries.attempts': 'Enter a whole number of at least 0.' }],
    [{ attempts: '0' }, {}],
    [{ perTryTimeout: '2s', retryOn: '5xx' }, { 'retries.perTryTimeout': 'Set the number of attempts to retry at all.', 'retries.retryOn': 'Set the number of attempts to retry at all.' }],
    [{ attempts: '2', retryOn: '5xx,Gateway Error' }, { 'retries.retryOn': '"Gateway Error" is not a retry condition (such as 5xx or connect-failure) or an HTTP status.' }],
  ])('%o → %o', (change, expected) => {
    expect(errs(timeoutsSpec.check(form(change), model))).toEqual(expected);
  });
});

describe('circuit breaker', () => {
  const empty = circuitSpec.init(model);
  const form = (change: Partial<CircuitForm>): CircuitForm => ({ ...empty, ...change });

  it('starts empty and sends nothing when empty', () => {
    expect(Object.values(empty).every((v) => v === '')).toBe(true);
    expect(circuitOf(empty)).toBeUndefined();
    expect(circuitSpec.toEdit(empty, model)).not.toHaveProperty('circuitBreaker');
  });

  it('round-trips numbers and durations', () => {
    const circuitBreaker = { maxConnections: 100, http1MaxPendingRequests: 10, consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 };
    const m = reviewsModel({ circuitBreaker });
    expect(circuitSpec.toEdit(circuitSpec.init(m), m).circuitBreaker).toEqual(circuitBreaker);
  });

  it.each<[Partial<CircuitForm>, Record<string, string>]>([
    [{ maxConnections: '1', maxRequestsPerConnection: '1', consecutive5xxErrors: '1', maxEjectionPercent: '0' }, {}],
    [{ maxConnections: '0' }, { 'circuitBreaker.maxConnections': 'Enter a whole number from 1 to 2147483647.' }],
    [{ consecutive5xxErrors: '0' }, { 'circuitBreaker.consecutive5xxErrors': 'Enter a whole number from 1 to 2147483647.' }],
    [{ maxEjectionPercent: '101' }, { 'circuitBreaker.maxEjectionPercent': 'Enter a whole number from 0 to 100.' }],
    [{ interval: '10' }, { 'circuitBreaker.interval': 'Enter a duration such as 5s, 250ms or 1m30s.' }],
  ])('%o → %o', (change, expected) => {
    expect(errs(circuitSpec.check(form(change), model))).toEqual(expected);
  });
});
