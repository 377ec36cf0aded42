import { describe, expect, it } from 'vitest';
import { span } from './test-traces';
import { buildTraceTree } from './trace-tree';
import { findSpans, moveActive, waterfallAction } from './waterfall-nav';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('waterfallAction', () => {
  it.each<[ReturnType<typeof key>, string | undefined]>([
    [key('j'), 'next'],
    [key('ArrowDown'), 'next'],
    [key('k'), 'previous'],
    [key('Enter'), 'details'],
    [key('h'), 'collapse'],
    [key('l'), 'expand'],
    [key('x'), undefined],
    [key('l', { ctrlKey: true }), undefined],
    [key('k', { metaKey: true }), undefined],
  ])('%j', (e, action) => {
    expect(waterfallAction(e)).toBe(action);
  });
});

describe('moveActive', () => {
  it.each<[number, 'next' | 'previous', number, number]>([
    [0, 'next', 3, 1],
    [2, 'next', 3, 2],
    [0, 'previous', 3, 0],
    [2, 'previous', 3, 1],
    [7, 'previous', 3, 2],
    [0, 'next', 0, 0],
  ])('%d %s of %d → %d', (active, action, count, expected) => {
    expect(moveActive(active, action, count)).toBe(expected);
  });
});

describe('findSpans', () => {
  const tree = buildTraceTree({
    traceId: 't1',
    spans: [
      span('aa01', undefined, 0, 10, { service: 'frontend', operation: 'HTTP GET /dispatch' }),
      span('bb02', 'aa01', 1, 5, { service: 'mysql', operation: 'SQL SELECT', attributes: { 'db.statement': 'select * from customer', retries: 2 } }),
    ],
  });
  it.each<[string, string[]]>([
    ['', []],
    ['  ', []],
    ['FRONTEND', ['aa01']],
    ['select', ['bb02']],
    ['retries=2', ['bb02']],
    ['bb0', ['bb02']],
    ['s', ['aa01', 'bb02']],
    ['nothing', []],
  ])('%j', (text, expected) => {
    expect([...findSpans(tree, text)]).toEqual(expected);
  });
});
