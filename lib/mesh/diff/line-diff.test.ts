import { describe, expect, it } from 'vitest';
import { diffHunks, diffLines } from './line-diff';

const ops = (a: string, b: string) => diffLines(a, b).map((l) => `${l.op === 'keep' ? ' ' : l.op === 'add' ? '+' : '-'}${l.text}`);

describe('diffLines', () => {
  it.each([
    ['', '', []],
    ['a\nb\n', 'a\nb\n', [' a', ' b']],
    ['a\nb\nc\n', 'a\nB\nc\n', [' a', '-b', '+B', ' c']],
    ['a\nc\n', 'a\nb\nc\n', [' a', '+b', ' c']],
    ['a\nb\nc\n', 'a\nc\n', [' a', '-b', ' c']],
    ['', 'x\n', ['+x']],
    ['x\n', '', ['-x']],
    // A moved line is one removal and one addition, the rest kept.
    ['a\nb\nc\nd\n', 'b\nc\nd\na\n', ['-a', ' b', ' c', ' d', '+a']],
  ])('%j → %j', (a, b, expected) => {
    expect(ops(a, b)).toEqual(expected);
  });

  it('numbers lines in both texts', () => {
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual([
      { op: 'keep', text: 'a', oldLine: 1, newLine: 1 },
      { op: 'remove', text: 'b', oldLine: 2 },
      { op: 'add', text: 'B', newLine: 2 },
      { op: 'keep', text: 'c', oldLine: 3, newLine: 3 },
    ]);
  });

  it('changes one weight of a VirtualService as two lines', () => {
    const before = ['spec:', '  http:', '  - route:', '    - destination: {host: reviews, subset: v1}', '      weight: 80', '    - destination: {host: reviews, subset: v2}', '      weight: 20', ''].join('\n');
    const after = before.replace('weight: 80', 'weight: 50').replace('weight: 20', 'weight: 50');
    expect(diffLines(before, after).filter((l) => l.op !== 'keep').map((l) => `${l.op} ${l.text.trim()}`)).toEqual([
      'remove weight: 80',
      'add weight: 50',
      'remove weight: 20',
      'add weight: 50',
    ]);
  });
});

describe('diffHunks', () => {
  const text = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

  it('is empty when nothing changed', () => {
    expect(diffHunks(diffLines(text(10), text(10)))).toEqual([]);
  });

  it('keeps context around each change and merges nearby ones', () => {
    const after = text(30).replace('line 5\n', 'line five\n').replace('line 8\n', 'line eight\n').replace('line 25\n', 'line 25 changed\n');
    const hunks = diffHunks(diffLines(text(30), after), 2);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]?.lines[0]?.text).toBe('line 3');
    expect(hunks[0]?.lines.at(-1)?.text).toBe('line 10');
    expect(hunks[1]?.lines.map((l) => l.text)).toEqual(['line 23', 'line 24', 'line 25', 'line 25 changed', 'line 26', 'line 27']);
  });
});
