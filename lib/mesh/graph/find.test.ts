import { describe, expect, it } from 'vitest';
import { FIND_FIELDS, FIND_FLAGS, FIND_HELP, parseFind } from './find';

describe('FIND_HELP', () => {
  it.each([...FIND_FIELDS, ...FIND_FLAGS])('mentions %s', (name) => {
    expect(FIND_HELP).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('gives examples that parse', () => {
    const line = FIND_HELP.split('\n').find((l) => l.startsWith('Examples: '));
    const examples = (line ?? '').slice('Examples: '.length).split('·').map((s) => s.trim());
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) expect(parseFind(example)).toMatchObject({ ok: true });
  });
});
