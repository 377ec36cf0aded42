import { describe, expect, it } from 'vitest';
import { draftFromState, formatTagsText, fromLocalInput, parseTagsText, stateFromDraft, toLocalInput, type SearchDraft } from './search-form-model';
import { DEFAULT_SEARCH_STATE } from './search-url';

describe('parseTagsText', () => {
  it.each<[string, Record<string, string> | undefined]>([
    ['', {}],
    ['  ', {}],
    ['a=1', { a: '1' }],
    ['http.status_code=500  error=true', { 'http.status_code': '500', error: 'true' }],
    ['k="a b" j=', { k: 'a b', j: '' }],
    ['k=a=b', { k: 'a=b' }],
    ['novalue', undefined],
    ['=1', undefined],
    ['k="open', undefined],
  ])('%j', (text, expected) => {
    expect(parseTagsText(text)).toEqual(expected);
  });

  it.each<Record<string, string>>([{}, { a: '1' }, { a: 'x y', b: '', c: 'p=q' }])('formatTagsText round-trips %j', (tags) => {
    expect(parseTagsText(formatTagsText(tags))).toEqual(tags);
  });
});

describe('local date-time inputs', () => {
  it('round-trip to the minute', () => {
    const us = fromLocalInput('2026-03-04T05:06');
    expect(us).toBeTypeOf('number');
    expect(toLocalInput(us ?? 0)).toBe('2026-03-04T05:06');
  });
  it.each(['', 'yesterday', '2026-03-04'])('reject %j', (text) => {
    expect(fromLocalInput(text)).toBeUndefined();
  });
  it('writes nothing for no time', () => {
    expect(toLocalInput(null)).toBe('');
  });
});

const draft = (over: Partial<SearchDraft>): SearchDraft => ({ ...draftFromState(DEFAULT_SEARCH_STATE), service: 'frontend', ...over });

describe('stateFromDraft', () => {
  it('turns a valid form into the URL change', () => {
    expect(stateFromDraft(draft({ tags: 'a=1', minDuration: ' 10ms ', limit: '50' }))).toEqual({
      change: { service: 'frontend', operation: '', tags: { a: '1' }, lookback: '1h', start: null, end: null, minDuration: '10ms', maxDuration: '', limit: 50 },
    });
  });

  it('reads a custom window', () => {
    const result = stateFromDraft(draft({ lookback: 'custom', start: '2026-03-04T05:06', end: '' }));
    expect(result).toMatchObject({ change: { lookback: 'custom', start: fromLocalInput('2026-03-04T05:06'), end: null } });
  });

  it.each<[string, Partial<SearchDraft>, string[]]>([
    ['no service', { service: '' }, ['service']],
    ['bad tags', { tags: 'oops' }, ['tags']],
    ['custom without start', { lookback: 'custom', start: '' }, ['start']],
    ['end before start', { lookback: 'custom', start: '2026-03-04T05:06', end: '2026-03-04T05:00' }, ['end']],
    ['bad durations', { minDuration: 'fast', maxDuration: '1d' }, ['minDuration', 'maxDuration']],
    ['min above max', { minDuration: '2s', maxDuration: '1s' }, ['maxDuration']],
    ['limit', { limit: '0' }, ['limit']],
    ['limit too big', { limit: '1501' }, ['limit']],
  ])('%s', (_name, over, fields) => {
    const result = stateFromDraft(draft(over));
    expect('errors' in result ? Object.keys(result.errors).sort() : []).toEqual([...fields].sort());
  });
});
